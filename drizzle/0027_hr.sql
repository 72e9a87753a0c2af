CREATE TABLE `appointment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`case_id` integer,
	`post` text NOT NULL,
	`appointing_body` text NOT NULL,
	`appointed_on` text NOT NULL,
	`gate_check_id` integer,
	`recorded_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `promotion_case`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`gate_check_id`) REFERENCES `gate_check`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appointment_case_idx` ON `appointment` (`case_id`);--> statement-breakpoint
CREATE INDEX `appointment_date_idx` ON `appointment` (`appointed_on`);--> statement-breakpoint
CREATE TABLE `exemption_claim` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`document_name` text NOT NULL,
	`document_number` text DEFAULT '' NOT NULL,
	`document_date` text NOT NULL,
	`recorded_by` integer,
	`recorded_on` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `promotion_case`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exemption_claim_case_idx` ON `exemption_claim` (`case_id`);--> statement-breakpoint
CREATE TABLE `gate_check` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`allowed` integer NOT NULL,
	`log` text NOT NULL,
	`checked_by` integer,
	`checked_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `promotion_case`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gate_check_case_idx` ON `gate_check` (`case_id`,`checked_at`);--> statement-breakpoint
CREATE TABLE `oath_ceremony` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`form` text NOT NULL,
	`date` text NOT NULL,
	`place` text NOT NULL,
	`organiser` text NOT NULL,
	`presider_id` integer NOT NULL,
	`leader_id` integer,
	`witness_id` integer,
	`flag_or_emblem_displayed` integer NOT NULL,
	`anthem_played` integer NOT NULL,
	`text_version` text NOT NULL,
	`evidence` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`recorded_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`presider_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`witness_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `oath_ceremony_date_idx` ON `oath_ceremony` (`date`);--> statement-breakpoint
CREATE TABLE `oath_participant` (
	`ceremony_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`appointment_id` integer NOT NULL,
	PRIMARY KEY(`ceremony_id`, `appointment_id`),
	FOREIGN KEY (`ceremony_id`) REFERENCES `oath_ceremony`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointment`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oath_participant_appointment_idx` ON `oath_participant` (`appointment_id`);--> statement-breakpoint
CREATE TABLE `promotion_case` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`proposed_post` text NOT NULL,
	`leading_post` integer NOT NULL,
	`appointment_route` text NOT NULL,
	`appointing_body` text NOT NULL,
	`nominated_on` text,
	`public_notice_on` text,
	`public_notice_ends_on` text,
	`planned_on` text,
	`state` text DEFAULT 'open' NOT NULL,
	`state_reason` text,
	`state_changed_at` integer,
	`gate_allowed` integer,
	`opened_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `promotion_case_person_idx` ON `promotion_case` (`person_id`,`state`);--> statement-breakpoint
CREATE TABLE `promotion_case_sitting` (
	`case_id` integer NOT NULL,
	`sitting_id` integer NOT NULL,
	`assigned_by` integer,
	`assigned_at` integer NOT NULL,
	PRIMARY KEY(`case_id`, `sitting_id`),
	FOREIGN KEY (`case_id`) REFERENCES `promotion_case`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sitting_id`) REFERENCES `sitting`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
