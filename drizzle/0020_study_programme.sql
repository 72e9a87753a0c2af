CREATE TABLE `calendar_feed` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`user_id` integer NOT NULL,
	`unit_id` integer,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feed_token_idx` ON `calendar_feed` (`token_hash`);--> statement-breakpoint
CREATE INDEX `calendar_feed_user_idx` ON `calendar_feed` (`user_id`);--> statement-breakpoint
CREATE TABLE `study_attendance` (
	`session_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`status` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`checked_in_at` integer,
	`marked_by` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `person_id`),
	FOREIGN KEY (`session_id`) REFERENCES `study_session`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`marked_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `study_attendance_person_idx` ON `study_attendance` (`person_id`);--> statement-breakpoint
CREATE TABLE `study_material` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer,
	`reading_id` integer,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`data` blob NOT NULL,
	`uploaded_at` integer NOT NULL,
	`uploaded_by` integer,
	FOREIGN KEY (`session_id`) REFERENCES `study_session`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reading_id`) REFERENCES `study_reading`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "study_material_owner" CHECK(("study_material"."session_id" IS NULL) <> ("study_material"."reading_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `study_material_session_idx` ON `study_material` (`session_id`);--> statement-breakpoint
CREATE INDEX `study_material_reading_idx` ON `study_material` (`reading_id`);--> statement-breakpoint
CREATE TABLE `study_plan` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`team_id` integer,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`published_at` integer,
	`published_by` integer,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `study_team`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `study_plan_unit_year_idx` ON `study_plan` (`unit_id`,`year`);--> statement-breakpoint
CREATE TABLE `study_plan_item` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`topic` text NOT NULL,
	`form` text NOT NULL,
	`planned_month` text NOT NULL,
	`planned_date` text,
	`speaker` text DEFAULT '' NOT NULL,
	`planned_minutes` integer,
	`materials_note` text DEFAULT '' NOT NULL,
	`laws` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `study_plan`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `study_plan_item_plan_idx` ON `study_plan_item` (`plan_id`,`planned_month`);--> statement-breakpoint
CREATE TABLE `study_reading` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`due_date` text,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `study_team`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `study_reading_unit_idx` ON `study_reading` (`unit_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `study_reading_team_idx` ON `study_reading` (`team_id`);--> statement-breakpoint
CREATE TABLE `study_reading_sign` (
	`reading_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`opened_at` integer NOT NULL,
	`signed_at` integer,
	PRIMARY KEY(`reading_id`, `person_id`),
	FOREIGN KEY (`reading_id`) REFERENCES `study_reading`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `study_reading_sign_person_idx` ON `study_reading_sign` (`person_id`);--> statement-breakpoint
CREATE TABLE `study_schedule` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`title` text NOT NULL,
	`form` text DEFAULT 'collective' NOT NULL,
	`weekday` integer NOT NULL,
	`interval_weeks` integer DEFAULT 1 NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`start_time` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`on_holiday` text DEFAULT 'skip' NOT NULL,
	`make_up_days` text DEFAULT 'ignore' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `study_team`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `study_schedule_unit_idx` ON `study_schedule` (`unit_id`);--> statement-breakpoint
CREATE INDEX `study_schedule_range_idx` ON `study_schedule` (`start_date`,`end_date`);--> statement-breakpoint
CREATE TABLE `study_session` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`schedule_id` integer,
	`slot` text,
	`override` text,
	`plan_item_id` integer,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`form` text NOT NULL,
	`topic` text NOT NULL,
	`speaker_kind` text,
	`speaker_person_id` integer,
	`speaker_name` text DEFAULT '' NOT NULL,
	`speaker_title` text DEFAULT '' NOT NULL,
	`laws` text NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`minutes` text DEFAULT '' NOT NULL,
	`actual_start_at` integer,
	`actual_end_at` integer,
	`checkin_secret` text,
	`checkin_opened_at` integer,
	`checkin_closed_at` integer,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `study_team`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`schedule_id`) REFERENCES `study_schedule`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_item_id`) REFERENCES `study_plan_item`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`speaker_person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `study_session_slot_idx` ON `study_session` (`schedule_id`,`slot`);--> statement-breakpoint
CREATE INDEX `study_session_unit_date_idx` ON `study_session` (`unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `study_session_team_date_idx` ON `study_session` (`team_id`,`date`);--> statement-breakpoint
CREATE INDEX `study_session_plan_item_idx` ON `study_session` (`plan_item_id`);--> statement-breakpoint
CREATE TABLE `study_team` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `study_team_unit_idx` ON `study_team` (`unit_id`);--> statement-breakpoint
CREATE TABLE `study_team_member` (
	`team_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`team_id`, `person_id`),
	FOREIGN KEY (`team_id`) REFERENCES `study_team`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `study_team_member_person_idx` ON `study_team_member` (`person_id`);--> statement-breakpoint
CREATE TABLE `calendar_year` (
	`year` integer PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
