ALTER TABLE `question` ADD `status` text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
CREATE INDEX `question_bank_status_idx` ON `question` (`bank_id`,`status`,`type`);--> statement-breakpoint
CREATE INDEX `question_bank_updated_idx` ON `question` (`bank_id`,`updated_at`,`id`);