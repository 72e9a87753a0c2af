DROP INDEX `user_person_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `user_username_lower_idx` ON `user` (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX `user_person_idx` ON `user` (`person_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `person_employee_no_lower_idx` ON `person` (lower("employee_no"));