CREATE TABLE `api_token` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`secret_hash` text NOT NULL,
	`hint` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`expires_at` integer,
	`revoked_at` integer,
	`revoked_by` integer,
	`last_used_at` integer,
	`use_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_token_secretHash_unique` ON `api_token` (`secret_hash`);--> statement-breakpoint
CREATE INDEX `api_token_created_idx` ON `api_token` (`created_at`);--> statement-breakpoint
CREATE TABLE `api_token_unit` (
	`token_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`token_id`, `unit_id`),
	FOREIGN KEY (`token_id`) REFERENCES `api_token`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_entry` (`actor_user_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_action_idx` ON `audit_entry` (`action`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_entry` (`at`);