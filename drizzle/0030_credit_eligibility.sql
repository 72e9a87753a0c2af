CREATE TABLE `credit_exemption` (
	`sitting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`reason` text NOT NULL,
	`granted_at` integer NOT NULL,
	`granted_by` integer,
	PRIMARY KEY(`sitting_id`, `person_id`),
	FOREIGN KEY (`sitting_id`) REFERENCES `sitting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`granted_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `exam` ADD `credits_required` real;--> statement-breakpoint
ALTER TABLE `exam` ADD `credits_year` integer;--> statement-breakpoint
ALTER TABLE `sitting` ADD `credits_required` real;--> statement-breakpoint
ALTER TABLE `sitting` ADD `credits_year` integer;