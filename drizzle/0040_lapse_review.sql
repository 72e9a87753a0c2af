CREATE TABLE `lapse_review` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`attempt_id` integer NOT NULL,
	`lapsed_at` integer NOT NULL,
	`note` text NOT NULL,
	`reviewed_by` integer NOT NULL,
	`reviewed_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `promotion_case`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lapse_review_case_idx` ON `lapse_review` (`case_id`);