CREATE TABLE `law` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`short_title` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `law_title_unique` ON `law` (`title`);--> statement-breakpoint
CREATE UNIQUE INDEX `law_shortTitle_unique` ON `law` (`short_title`);--> statement-breakpoint
CREATE TABLE `law_article` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`heading_id` integer,
	`article_no` integer NOT NULL,
	`text` text NOT NULL,
	`change` text,
	FOREIGN KEY (`version_id`) REFERENCES `law_version`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`heading_id`) REFERENCES `law_heading`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `law_article_no_idx` ON `law_article` (`version_id`,`article_no`);--> statement-breakpoint
CREATE TABLE `law_heading` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`parent_id` integer,
	`level` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`title` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `law_version`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `law_heading`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `law_heading_version_idx` ON `law_heading` (`version_id`,`ordinal`);--> statement-breakpoint
CREATE TABLE `law_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`law_id` integer NOT NULL,
	`label` text NOT NULL,
	`history` text DEFAULT '' NOT NULL,
	`source_format` text NOT NULL,
	`content_hash` text NOT NULL,
	`is_current` integer DEFAULT true NOT NULL,
	`imported_at` integer NOT NULL,
	`imported_by` integer,
	FOREIGN KEY (`law_id`) REFERENCES `law`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `law_version_law_idx` ON `law_version` (`law_id`,`is_current`);--> statement-breakpoint
CREATE TABLE `practice_answer` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`version` integer NOT NULL,
	`mode` text NOT NULL,
	`response` text NOT NULL,
	`fraction` real NOT NULL,
	`outcome` text NOT NULL,
	`time_ms` integer NOT NULL,
	`answered_at` integer NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `practice_answer_person_idx` ON `practice_answer` (`person_id`,`answered_at`);--> statement-breakpoint
CREATE TABLE `practice_card` (
	`person_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`card` text NOT NULL,
	`due` integer NOT NULL,
	`in_mistake_book` integer DEFAULT false NOT NULL,
	`mistake_streak` integer DEFAULT 0 NOT NULL,
	`last_answered_at` integer,
	PRIMARY KEY(`person_id`, `question_id`),
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `practice_card_due_idx` ON `practice_card` (`person_id`,`due`);--> statement-breakpoint
CREATE INDEX `practice_card_mistake_idx` ON `practice_card` (`person_id`,`in_mistake_book`);--> statement-breakpoint
CREATE TABLE `question` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bank_id` integer NOT NULL,
	`external_id` text,
	`current_version` integer NOT NULL,
	`type` text NOT NULL,
	`difficulty` integer NOT NULL,
	`topic` text DEFAULT '' NOT NULL,
	`stem_text` text NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`review_flag` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`bank_id`) REFERENCES `question_bank`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `question_bank_type_idx` ON `question` (`bank_id`,`type`,`difficulty`);--> statement-breakpoint
CREATE UNIQUE INDEX `question_external_idx` ON `question` (`bank_id`,`external_id`);--> statement-breakpoint
CREATE TABLE `question_bank` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `question_bank_unit_idx` ON `question_bank` (`unit_id`);--> statement-breakpoint
CREATE TABLE `question_law_ref` (
	`question_id` integer NOT NULL,
	`law` text NOT NULL,
	`article_no` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`question_id`, `law`, `article_no`),
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `question_law_ref_law_idx` ON `question_law_ref` (`law`,`article_no`);--> statement-breakpoint
CREATE TABLE `question_tag` (
	`question_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`question_id`, `tag`),
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `question_tag_idx` ON `question_tag` (`tag`);--> statement-breakpoint
CREATE TABLE `question_version` (
	`question_id` integer NOT NULL,
	`version` integer NOT NULL,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	PRIMARY KEY(`question_id`, `version`),
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `policy_setting` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
