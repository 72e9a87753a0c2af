ALTER TABLE `question_bank` ADD `revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- every write to a question moves its bank's revision (and both banks' when it moves between them)
CREATE TRIGGER `question_bank_revision_insert` AFTER INSERT ON `question` BEGIN
	UPDATE `question_bank` SET `revision` = `revision` + 1 WHERE `id` = NEW.`bank_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `question_bank_revision_update` AFTER UPDATE ON `question` BEGIN
	UPDATE `question_bank` SET `revision` = `revision` + 1 WHERE `id` IN (OLD.`bank_id`, NEW.`bank_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `question_bank_revision_delete` AFTER DELETE ON `question` BEGIN
	UPDATE `question_bank` SET `revision` = `revision` + 1 WHERE `id` = OLD.`bank_id`;
END;
