CREATE TABLE `oversight_snapshot` (
	`year` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`counts` text NOT NULL,
	`months` text NOT NULL,
	PRIMARY KEY(`year`, `unit_id`),
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `oversight_snapshot_run` (
	`year` integer PRIMARY KEY NOT NULL,
	`computed_at` integer NOT NULL,
	`as_of` text NOT NULL
);
