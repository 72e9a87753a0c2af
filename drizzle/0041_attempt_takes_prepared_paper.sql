-- A person's paper prepared for a sitting is spent once they have an attempt there (the start took
-- it, or drew one of its own): removed by the attempt's insert itself, so that a start, which on
-- exam day the whole roster makes within seconds, writes with one statement, not two
CREATE TRIGGER `exam_attempt_spends_prepared_paper` AFTER INSERT ON `exam_attempt` BEGIN
	DELETE FROM `exam_prepared_paper` WHERE `sitting_id` = NEW.`sitting_id` AND `person_id` = NEW.`person_id`;
END;
