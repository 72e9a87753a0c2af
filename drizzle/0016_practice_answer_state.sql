ALTER TABLE `practice_answer` ADD `session_id` integer;--> statement-breakpoint
ALTER TABLE `practice_answer` ADD `option_orders` text;--> statement-breakpoint
ALTER TABLE `practice_answer` ADD `after` text;--> statement-breakpoint
CREATE INDEX `practice_answer_question_idx` ON `practice_answer` (`person_id`,`question_id`);