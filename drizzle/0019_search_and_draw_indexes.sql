DROP INDEX `question_bank_updated_idx`;--> statement-breakpoint
CREATE INDEX `question_flagged_idx` ON `question` (`bank_id`) WHERE "question"."review_flag" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `question_topic_idx` ON `question` (`bank_id`,`status`,`topic`);--> statement-breakpoint
CREATE INDEX `question_bank_updated_idx` ON `question` (`bank_id`,`updated_at`,`id`,`status`);--> statement-breakpoint
DROP INDEX `question_law_ref_law_idx`;--> statement-breakpoint
CREATE INDEX `question_law_ref_law_idx` ON `question_law_ref` (`law`,`article_no`,`question_id`);