CREATE TABLE `certificate_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`certificate_id` integer NOT NULL,
	`kind` text NOT NULL,
	`on` text NOT NULL,
	`reason` text,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificate`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `certificate_event_certificate_idx` ON `certificate_event` (`certificate_id`);--> statement-breakpoint
ALTER TABLE `exam` ADD `certificate_part` text;