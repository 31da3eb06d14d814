-- The audit log: one hash chain of every change and every reveal of personal data. Entries are never updated or
-- deleted; the head row records the last entry sealed, so a cut-off tail shows when the chain is verified.

CREATE TABLE audit_log (
    sequence      INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    actor_user_id TEXT NOT NULL,
    actor_roles   TEXT NOT NULL CHECK (json_valid(actor_roles)),
    action        TEXT NOT NULL,
    subject_type  TEXT NOT NULL,
    subject_id    TEXT NOT NULL,
    details       TEXT NOT NULL CHECK (json_valid(details)),
    previous_hash TEXT NOT NULL,
    hash          TEXT NOT NULL
);
CREATE INDEX ix_audit_log_subject ON audit_log (subject_type, subject_id, sequence);
CREATE INDEX ix_audit_log_actor ON audit_log (actor_user_id, sequence);

CREATE TABLE audit_chain_head (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    sequence INTEGER NOT NULL,
    hash     TEXT NOT NULL
);
INSERT INTO audit_chain_head (id, sequence, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TRIGGER audit_log_refuse_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE refused');
END;

CREATE TRIGGER audit_log_refuse_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: DELETE refused');
END;
