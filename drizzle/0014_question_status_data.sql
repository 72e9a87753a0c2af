-- Every question saved before statuses existed was already in cadres' practice: it stays there as
-- ready; an archived one becomes retired (retired replaces archived). New questions start as drafts.
UPDATE `question` SET `status` = CASE WHEN `archived` = 1 THEN 'retired' ELSE 'ready' END;
