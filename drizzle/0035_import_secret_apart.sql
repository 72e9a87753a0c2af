CREATE TABLE `import_secret` (
	`job_id` text PRIMARY KEY NOT NULL,
	`sealed` text NOT NULL,
	FOREIGN KEY (`job_id`) REFERENCES `import_job`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- the passwords of a job finished just before the upgrade stay readable by its importer
INSERT INTO `import_secret` (`job_id`, `sealed`) SELECT `id`, `sealed` FROM `import_job` WHERE `sealed` IS NOT NULL;
--> statement-breakpoint
ALTER TABLE `import_job` DROP COLUMN `sealed`;
