-- Each paper's answer shapes (services/exams/answer-shape.ts), kept when it is drawn. Papers drawn
-- before have none (null): their saves are checked against the paper's questions as before.
ALTER TABLE `exam_attempt` ADD `answer_shapes` text;--> statement-breakpoint
ALTER TABLE `exam_prepared_paper` ADD `answer_shapes` text;