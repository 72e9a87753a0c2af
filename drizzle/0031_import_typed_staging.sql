CREATE TABLE `import_audit_entry` (
	`job_id` text NOT NULL,
	`ord` integer NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` integer,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`unit_id` integer,
	`before` text,
	`after` text,
	PRIMARY KEY(`job_id`, `ord`),
	FOREIGN KEY (`job_id`) REFERENCES `import_job`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `import_person` (
	`job_id` text NOT NULL,
	`ord` integer NOT NULL,
	`id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`name` text NOT NULL,
	`employee_no` text NOT NULL,
	`position` text NOT NULL,
	`rank` text NOT NULL,
	`appointment_route` text NOT NULL,
	`status` text NOT NULL,
	PRIMARY KEY(`job_id`, `ord`),
	FOREIGN KEY (`job_id`) REFERENCES `import_job`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `import_role_grant` (
	`job_id` text NOT NULL,
	`ord` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`job_id`, `ord`),
	FOREIGN KEY (`job_id`) REFERENCES `import_job`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `import_user` (
	`job_id` text NOT NULL,
	`ord` integer NOT NULL,
	`id` integer NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`person_id` integer NOT NULL,
	`password_hash` text NOT NULL,
	PRIMARY KEY(`job_id`, `ord`),
	FOREIGN KEY (`job_id`) REFERENCES `import_job`(`id`) ON UPDATE no action ON DELETE cascade
);
