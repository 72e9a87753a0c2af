-- Checkpoints of the audit chain are append-only like the log itself.
CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint
BEGIN
	SELECT RAISE(ABORT, 'audit_checkpoint is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
BEGIN
	SELECT RAISE(ABORT, 'audit_checkpoint is append-only');
END;
