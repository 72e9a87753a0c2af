CREATE TABLE `exam_focus_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`attempt_id` integer NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `exam_attempt`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `exam_focus_event_attempt_idx` ON `exam_focus_event` (`attempt_id`);--> statement-breakpoint
CREATE TABLE `sitting_proctor` (
	`sitting_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`sitting_id`, `user_id`),
	FOREIGN KEY (`sitting_id`) REFERENCES `sitting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sitting_proctor_user_idx` ON `sitting_proctor` (`user_id`);--> statement-breakpoint
CREATE TABLE `sitting_rank` (
	`sitting_id` integer NOT NULL,
	`rank` text NOT NULL,
	PRIMARY KEY(`sitting_id`, `rank`),
	FOREIGN KEY (`sitting_id`) REFERENCES `sitting`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `exam` ADD `focus_limit` integer;