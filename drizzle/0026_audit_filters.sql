CREATE INDEX `audit_actor_idx` ON `audit_entry` (`actor_user_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_action_idx` ON `audit_entry` (`action`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_entry` (`at`);