CREATE TABLE `trusted_device` (
	`id` text NOT NULL,
	`account` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`id`, `account`)
);
--> statement-breakpoint
CREATE INDEX `trusted_device_expires_idx` ON `trusted_device` (`expires_at`);