CREATE TABLE `import_person_update` (
	`job_id` text NOT NULL,
	`ord` integer NOT NULL,
	`id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`name` text NOT NULL,
	`position` text NOT NULL,
	`rank` text NOT NULL,
	`appointment_route` text NOT NULL,
	`status` text NOT NULL,
	`seen` integer NOT NULL,
	PRIMARY KEY(`job_id`, `ord`),
	FOREIGN KEY (`job_id`) REFERENCES `import_job`(`id`) ON UPDATE no action ON DELETE cascade
);
