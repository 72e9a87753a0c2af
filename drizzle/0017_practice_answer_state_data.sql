-- Answers given before they kept their set: find the set whose answer list holds them.
UPDATE `practice_answer` SET `session_id` = m.sid
FROM (
	SELECT s.id AS sid, j.value AS aid
	FROM `practice_session` s, json_each(s.answer_ids) j
	WHERE j.type = 'integer'
) AS m
WHERE m.aid = `practice_answer`.id;
--> statement-breakpoint
-- The latest answer of each learner and question left the card as it is now: keep that state with
-- it. Earlier answers' state was not kept; their feedback pages show no schedule rather than today's.
UPDATE `practice_answer` SET `after` = json_object(
	'due', c.due,
	'inMistakeBook', json(CASE WHEN c.in_mistake_book THEN 'true' ELSE 'false' END),
	'mistakeStreak', c.mistake_streak,
	'clearAfter', COALESCE(
		(SELECT CAST(p.value AS integer) FROM `policy_setting` p
			WHERE p.key = 'practice.mistakeClearStreak' AND json_type(p.value) = 'integer'
				AND CAST(p.value AS integer) BETWEEN 1 AND 500),
		2
	),
	'cleared', json(CASE WHEN `practice_answer`.outcome = 'right' AND NOT c.in_mistake_book AND EXISTS (
		SELECT 1 FROM `practice_answer` e
		WHERE e.person_id = `practice_answer`.person_id AND e.question_id = `practice_answer`.question_id
			AND e.outcome <> 'right' AND e.id < `practice_answer`.id
	) THEN 'true' ELSE 'false' END)
)
FROM `practice_card` c
WHERE c.person_id = `practice_answer`.person_id AND c.question_id = `practice_answer`.question_id
	AND `practice_answer`.id = (
		SELECT max(l.id) FROM `practice_answer` l
		WHERE l.person_id = c.person_id AND l.question_id = c.question_id
	);
