CREATE TABLE `question_search_queue` (
	`question_id` integer PRIMARY KEY NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Questions saved before each text of a question was rendered on its own: their search text ran
-- words of different texts together (甲\n乙 indexed as 甲乙). Written again in the background.
INSERT INTO `question_search_queue` (`question_id`) SELECT `id` FROM `question`;
