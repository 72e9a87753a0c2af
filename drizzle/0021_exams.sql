CREATE TABLE `certificate` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`exam_id` integer NOT NULL,
	`attempt_id` integer NOT NULL,
	`kind` text NOT NULL,
	`verification_code` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text NOT NULL,
	`revoked_on` text,
	`revoke_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exam_id`) REFERENCES `exam`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attempt_id`) REFERENCES `exam_attempt`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_code_idx` ON `certificate` (`verification_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_attempt_idx` ON `certificate` (`attempt_id`);--> statement-breakpoint
CREATE INDEX `certificate_person_idx` ON `certificate` (`person_id`);--> statement-breakpoint
CREATE TABLE `exam` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`paper_kind` text NOT NULL,
	`bank_ids` text NOT NULL,
	`blueprint` text NOT NULL,
	`pass_mark` real NOT NULL,
	`bands` text,
	`duration_minutes` integer NOT NULL,
	`max_attempts` integer NOT NULL,
	`counts` text NOT NULL,
	`only_after_fail` integer NOT NULL,
	`grading` text NOT NULL,
	`review` text NOT NULL,
	`published_at` integer,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exam_unit_idx` ON `exam` (`unit_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `exam_answer` (
	`attempt_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`response` text,
	`flagged` integer DEFAULT false NOT NULL,
	`seq` integer NOT NULL,
	`saved_at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `question_id`),
	FOREIGN KEY (`attempt_id`) REFERENCES `exam_attempt`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `exam_attempt` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sitting_id` integer NOT NULL,
	`exam_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`number` integer NOT NULL,
	`state` text NOT NULL,
	`seed` text NOT NULL,
	`paper` text NOT NULL,
	`question_ids` text NOT NULL,
	`started_at` integer NOT NULL,
	`deadline` integer NOT NULL,
	`device_id` text,
	`submitted_at` integer,
	`auto_submitted` integer DEFAULT false NOT NULL,
	`graded_at` integer,
	`grade` text,
	`manual_scores` text NOT NULL,
	`score` real,
	`max_score` real,
	`voided_at` integer,
	`void_reason` text,
	FOREIGN KEY (`sitting_id`) REFERENCES `sitting`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exam_id`) REFERENCES `exam`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exam_attempt_number_idx` ON `exam_attempt` (`sitting_id`,`person_id`,`number`);--> statement-breakpoint
CREATE INDEX `exam_attempt_person_idx` ON `exam_attempt` (`person_id`,`exam_id`);--> statement-breakpoint
CREATE INDEX `exam_attempt_open_deadline_idx` ON `exam_attempt` (`deadline`) WHERE "exam_attempt"."state" = 'in_progress';--> statement-breakpoint
CREATE TABLE `job_lease` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `pass_record` (
	`attempt_id` integer PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`exam_id` integer NOT NULL,
	`sitting_id` integer NOT NULL,
	`kind` text NOT NULL,
	`taken_on` text NOT NULL,
	`status` text NOT NULL,
	`score` real,
	`max_score` real NOT NULL,
	`percent` real,
	`band` text,
	`passed` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `exam_attempt`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exam_id`) REFERENCES `exam`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sitting_id`) REFERENCES `sitting`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pass_record_person_idx` ON `pass_record` (`person_id`,`kind`);--> statement-breakpoint
CREATE TABLE `sitting` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`exam_id` integer NOT NULL,
	`name` text NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`one_device` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`exam_id`) REFERENCES `exam`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sitting_exam_idx` ON `sitting` (`exam_id`,`opens_at`);--> statement-breakpoint
CREATE TABLE `sitting_person` (
	`sitting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`sitting_id`, `person_id`),
	FOREIGN KEY (`sitting_id`) REFERENCES `sitting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sitting_person_idx` ON `sitting_person` (`person_id`);--> statement-breakpoint
CREATE TABLE `sitting_unit` (
	`sitting_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`sitting_id`, `unit_id`),
	FOREIGN KEY (`sitting_id`) REFERENCES `sitting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action
);
