-- A commit of the engine is sent as one batch, so its version guard cannot be checked between statements: this
-- function advances the instance row and raises serialization_failure (40001) when the version moved on, which aborts
-- the whole batch, its history rows included.
CREATE FUNCTION workflow_instance_advance(
    p_id text, p_expected bigint, p_status text, p_business_key text, p_ended_at timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE workflow_instances
    SET version = p_expected + 1, status = p_status, business_key = p_business_key, ended_at = p_ended_at
    WHERE id = p_id AND version = p_expected;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'workflow instance % is no longer at version %', p_id, p_expected
            USING ERRCODE = 'serialization_failure', HINT = 'cityops:instance-version';
    END IF;
END
$$;

-- Narrower indexes for the columns most rows leave empty: an instance without a business key or parent, and a task
-- nobody has claimed, no longer add an entry that no query looks up (every lookup names a value, which implies NOT
-- NULL, so the partial indexes still serve it). Each commit writes fewer pages.
DROP INDEX ix_workflow_instances_business_key;
CREATE INDEX ix_workflow_instances_business_key ON workflow_instances (business_key) WHERE business_key IS NOT NULL;

DROP INDEX ix_workflow_instances_parent;
CREATE INDEX ix_workflow_instances_parent ON workflow_instances (parent_instance_id) WHERE parent_instance_id IS NOT NULL;

DROP INDEX ix_user_tasks_assignee;
CREATE INDEX ix_user_tasks_assignee ON user_tasks (assignee, due_date) WHERE assignee IS NOT NULL;
