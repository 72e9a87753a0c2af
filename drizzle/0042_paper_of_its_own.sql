-- An attempt's paper moves to a table of its own (exam_paper), which attempts and prepared papers
-- point to: a start takes a prepared paper by writing its id, instead of copying tens of KB.
--
-- exam_attempt is rebuilt (SQLite adds a NOT NULL column to a table with rows no other way).
-- Dropping it with foreign keys enforced would delete the answers, marks and focus events that
-- cascade from it, so this stops unless they are off, as libsql's migrator turns them off for
-- every migration: a value of 1 fails the CHECK below and the whole migration rolls back.
CREATE TEMP TABLE `_foreign_keys_off` (`on` integer CHECK (`on` = 0));
--> statement-breakpoint
INSERT INTO `_foreign_keys_off` SELECT `foreign_keys` FROM pragma_foreign_keys;
--> statement-breakpoint
DROP TABLE `_foreign_keys_off`;
--> statement-breakpoint
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
CREATE TABLE `__new_exam_attempt` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sitting_id` integer NOT NULL,
	`exam_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`number` integer NOT NULL,
	`state` text NOT NULL,
	`paper_id` integer NOT NULL,
	`started_at` integer NOT NULL,
	`deadline` integer NOT NULL,
	`device_id` text,
	`submitted_at` integer,
	`auto_submitted` integer DEFAULT false NOT NULL,
	`graded_at` integer,
	`grade` text,
	`manual_scores` text NOT NULL,
	`score` real,
	`max_score` real,
	`voided_at` integer,
	`void_reason` text,
	FOREIGN KEY (`sitting_id`) REFERENCES `sitting`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exam_id`) REFERENCES `exam`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`paper_id`) REFERENCES `exam_paper`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_exam_attempt` (`id`, `sitting_id`, `exam_id`, `person_id`, `number`, `state`,
	`paper_id`, `started_at`, `deadline`, `device_id`, `submitted_at`, `auto_submitted`, `graded_at`,
	`grade`, `manual_scores`, `score`, `max_score`, `voided_at`, `void_reason`)
	SELECT `id`, `sitting_id`, `exam_id`, `person_id`, `number`, `state`, `id`, `started_at`,
		`deadline`, `device_id`, `submitted_at`, `auto_submitted`, `graded_at`, `grade`,
		`manual_scores`, `score`, `max_score`, `voided_at`, `void_reason`
	FROM `exam_attempt`;
--> statement-breakpoint
-- (its trigger, drizzle/0041, goes with it and is made again below)
DROP TABLE `exam_attempt`;
--> statement-breakpoint
ALTER TABLE `__new_exam_attempt` RENAME TO `exam_attempt`;
--> statement-breakpoint
CREATE UNIQUE INDEX `exam_attempt_number_idx` ON `exam_attempt` (`sitting_id`,`person_id`,`number`);
--> statement-breakpoint
CREATE INDEX `exam_attempt_person_idx` ON `exam_attempt` (`person_id`,`exam_id`);
--> statement-breakpoint
CREATE INDEX `exam_attempt_open_deadline_idx` ON `exam_attempt` (`deadline`) WHERE "exam_attempt"."state" = 'in_progress';
--> statement-breakpoint
CREATE UNIQUE INDEX `exam_attempt_paper_idx` ON `exam_attempt` (`paper_id`);
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
CREATE INDEX `exam_prepared_paper_paper_idx` ON `exam_prepared_paper` (`paper_id`);
--> statement-breakpoint
-- as drizzle/0041: a person's paper prepared for a sitting is spent once they have an attempt
-- there (the start took it, or drew one of its own), removed by the attempt's insert itself
CREATE TRIGGER `exam_attempt_spends_prepared_paper` AFTER INSERT ON `exam_attempt` BEGIN
	DELETE FROM `exam_prepared_paper` WHERE `sitting_id` = NEW.`sitting_id` AND `person_id` = NEW.`person_id`;
END;
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
