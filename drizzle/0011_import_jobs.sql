CREATE TABLE `import_job` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`state` text NOT NULL,
	`phase` text DEFAULT '' NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`result` text,
	`failure` text,
	`sealed` text,
	`reserved` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_job_expires_idx` ON `import_job` (`expires_at`);--> statement-breakpoint
CREATE TABLE `import_row` (
	`job_id` text NOT NULL,
	`target` text NOT NULL,
	`ord` integer NOT NULL,
	`data` blob NOT NULL,
	PRIMARY KEY(`job_id`, `target`, `ord`),
	FOREIGN KEY (`job_id`) REFERENCES `import_job`(`id`) ON UPDATE no action ON DELETE cascade
);
