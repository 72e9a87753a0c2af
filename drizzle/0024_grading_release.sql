CREATE TABLE `exam_mark` (
	`attempt_id` integer NOT NULL,
	`key` text NOT NULL,
	`score` real NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`graded_by` integer,
	`graded_at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `key`),
	FOREIGN KEY (`attempt_id`) REFERENCES `exam_attempt`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`graded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `sitting` ADD `released_at` integer;--> statement-breakpoint
ALTER TABLE `sitting` ADD `released_by` integer REFERENCES user(id);