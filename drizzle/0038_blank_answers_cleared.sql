-- Exam answers saved before a response that says nothing was stored as a cleared one (null): an
-- essay or blank emptied without JavaScript was kept as text of only spaces, an unticked choice as
-- a choice of null. The monitor and the result count answered questions as rows with a response.
-- The spaces are those JavaScript's trim() removes (the exam page's test); a case's null part says nothing.
UPDATE `exam_answer` SET `response` = NULL
WHERE `response` IS NOT NULL AND (
	CASE json_extract(`response`, '$.type')
		WHEN 'single' THEN json_extract(`response`, '$.choice') IS NULL
		WHEN 'truefalse' THEN json_extract(`response`, '$.answer') IS NULL
		WHEN 'multiple' THEN coalesce(json_array_length(`response`, '$.choices'), 0) = 0
		WHEN 'fill' THEN NOT EXISTS (
			SELECT 1 FROM json_each(`response`, '$.blanks') AS b
			WHERE trim(b.value, char(32, 9, 10, 11, 12, 13, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279)) <> '')
		WHEN 'essay' THEN trim(coalesce(json_extract(`response`, '$.text'), ''),
			char(32, 9, 10, 11, 12, 13, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279)) = ''
		WHEN 'case' THEN NOT EXISTS (
			SELECT 1 FROM json_each(`response`, '$.parts') AS p
			WHERE p.type = 'object' AND CASE json_extract(p.value, '$.type')
				WHEN 'single' THEN json_extract(p.value, '$.choice') IS NOT NULL
				WHEN 'truefalse' THEN json_extract(p.value, '$.answer') IS NOT NULL
				WHEN 'multiple' THEN coalesce(json_array_length(p.value, '$.choices'), 0) > 0
				WHEN 'fill' THEN EXISTS (
					SELECT 1 FROM json_each(p.value, '$.blanks') AS pb
					WHERE trim(pb.value, char(32, 9, 10, 11, 12, 13, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279)) <> '')
				WHEN 'essay' THEN trim(coalesce(json_extract(p.value, '$.text'), ''),
					char(32, 9, 10, 11, 12, 13, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279)) <> ''
				ELSE 1
			END)
		ELSE 0
	END
);
