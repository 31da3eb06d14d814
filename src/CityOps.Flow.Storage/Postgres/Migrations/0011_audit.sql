-- The audit log: one hash chain of every change and every reveal of personal data. Entries are never updated or
-- deleted (the triggers refuse it); appends lock the head row, so several app nodes extend one chain and never fork it.
-- details stays text, not jsonb: the hash covers its exact bytes, which jsonb would reorder.

CREATE TABLE audit_log (
    sequence      bigint PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor_user_id text NOT NULL,
    actor_roles   text NOT NULL CHECK (actor_roles::jsonb IS NOT NULL),
    action        text NOT NULL,
    subject_type  text NOT NULL,
    subject_id    text NOT NULL,
    details       text NOT NULL CHECK (details::jsonb IS NOT NULL),
    previous_hash text NOT NULL,
    hash          text NOT NULL
);
CREATE INDEX ix_audit_log_subject ON audit_log (subject_type, subject_id, sequence);
CREATE INDEX ix_audit_log_actor ON audit_log (actor_user_id, sequence);

CREATE TABLE audit_chain_head (
    id       integer PRIMARY KEY CHECK (id = 1),
    sequence bigint NOT NULL,
    hash     text NOT NULL
);
INSERT INTO audit_chain_head (id, sequence, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
