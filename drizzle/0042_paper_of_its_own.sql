-- An attempt's paper moves to a table of its own (exam_paper), which attempts and prepared papers
-- point to: a start takes a prepared paper by writing its id, instead of copying tens of KB.
CREATE TABLE `exam_paper` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seed` text NOT NULL,
	`paper` text NOT NULL,
	`question_ids` text NOT NULL,
	`view` text,
	`answer_shapes` text
);
--> statement-breakpoint
-- each attempt's paper, numbered as its attempt (so that every attempt finds its own below)
INSERT INTO `exam_paper` (`id`, `seed`, `paper`, `question_ids`, `view`, `answer_shapes`)
	SELECT `id`, `seed`, `paper`, `question_ids`, `view`, `answer_shapes` FROM `exam_attempt`;
--> statement-breakpoint
-- NOT NULL in the schema (src/lib/server/db/schema/exams.ts) and always written so, but not here:
-- SQLite adds a NOT NULL column to a table with rows only by rebuilding it, and exam_attempt is
-- referenced by answers, marks, pass records and certificates, whose foreign keys a rebuild inside
-- the migration's transaction would trip
ALTER TABLE `exam_attempt` ADD `paper_id` integer REFERENCES exam_paper(id);
--> statement-breakpoint
UPDATE `exam_attempt` SET `paper_id` = `id`;
--> statement-breakpoint
CREATE UNIQUE INDEX `exam_attempt_paper_idx` ON `exam_attempt` (`paper_id`);
--> statement-breakpoint
ALTER TABLE `exam_attempt` DROP COLUMN `seed`;
--> statement-breakpoint
ALTER TABLE `exam_attempt` DROP COLUMN `paper`;
--> statement-breakpoint
ALTER TABLE `exam_attempt` DROP COLUMN `question_ids`;
--> statement-breakpoint
ALTER TABLE `exam_attempt` DROP COLUMN `view`;
--> statement-breakpoint
ALTER TABLE `exam_attempt` DROP COLUMN `answer_shapes`;
--> statement-breakpoint
-- prepared papers are drawn again by the next round of the preparation job (a few seconds)
DROP TABLE `exam_prepared_paper`;
--> statement-breakpoint
CREATE TABLE `exam_prepared_paper` (
	`sitting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`signature` text NOT NULL,
	`paper_id` integer NOT NULL,
	`prepared_at` integer NOT NULL,
	PRIMARY KEY(`sitting_id`, `person_id`),
	FOREIGN KEY (`sitting_id`) REFERENCES `sitting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`paper_id`) REFERENCES `exam_paper`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- a prepared paper removed (taken by a start, which keeps its paper; replaced, its sitting closed,
-- or its sitting or person removed) takes its paper along unless an attempt has it
CREATE TRIGGER `exam_prepared_paper_frees_paper` AFTER DELETE ON `exam_prepared_paper` BEGIN
	DELETE FROM `exam_paper` WHERE `id` = OLD.`paper_id`
		AND NOT EXISTS (SELECT 1 FROM `exam_attempt` WHERE `paper_id` = OLD.`paper_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `exam_prepared_paper_replaces_paper` AFTER UPDATE OF `paper_id` ON `exam_prepared_paper`
	WHEN OLD.`paper_id` <> NEW.`paper_id` BEGIN
	DELETE FROM `exam_paper` WHERE `id` = OLD.`paper_id`
		AND NOT EXISTS (SELECT 1 FROM `exam_attempt` WHERE `paper_id` = OLD.`paper_id`);
END;
