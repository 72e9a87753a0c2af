CREATE TABLE `exam_prepared_paper` (
	`sitting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`signature` text NOT NULL,
	`seed` text NOT NULL,
	`paper` text NOT NULL,
	`question_ids` text NOT NULL,
	`view` text NOT NULL,
	`prepared_at` integer NOT NULL,
	PRIMARY KEY(`sitting_id`, `person_id`),
	FOREIGN KEY (`sitting_id`) REFERENCES `sitting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `exam_attempt` ADD `view` text;--> statement-breakpoint
CREATE INDEX `question_ready_stamp_idx` ON `question` (`bank_id`,`status`,`current_version`,`updated_at`);