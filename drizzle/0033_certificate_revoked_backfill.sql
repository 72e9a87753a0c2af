-- A revoke recorded as a certificate event did not set the certificate's own revoked_on and
-- revoke_reason before; now it does. Certificates revoked that way earlier get them from their
-- first revoke event, so every query that reads the columns sees the revocation.
UPDATE `certificate` SET
	`revoked_on` = (SELECT e.`on` FROM `certificate_event` e
		WHERE e.`certificate_id` = `certificate`.`id` AND e.`kind` = 'revoked' ORDER BY e.`on`, e.`id` LIMIT 1),
	`revoke_reason` = (SELECT e.`reason` FROM `certificate_event` e
		WHERE e.`certificate_id` = `certificate`.`id` AND e.`kind` = 'revoked' ORDER BY e.`on`, e.`id` LIMIT 1)
WHERE `revoked_on` IS NULL AND EXISTS (SELECT 1 FROM `certificate_event` e
	WHERE e.`certificate_id` = `certificate`.`id` AND e.`kind` = 'revoked');
