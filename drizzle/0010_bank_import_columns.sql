CREATE TABLE `bank_import_column` (
	`bank_id` integer NOT NULL,
	`header` text NOT NULL,
	`field` text NOT NULL,
	PRIMARY KEY(`bank_id`, `header`),
	FOREIGN KEY (`bank_id`) REFERENCES `question_bank`(`id`) ON UPDATE no action ON DELETE cascade
);
