CREATE TABLE `practice_session` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`mode` text NOT NULL,
	`source` text NOT NULL,
	`items` text NOT NULL,
	`answer_ids` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`shown_at` integer NOT NULL,
	`pending` text,
	`seed` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `practice_session_person_idx` ON `practice_session` (`person_id`,`created_at`);