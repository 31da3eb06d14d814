-- The workflow engine's durable state: deployed versions, instances with their append-only history, open user tasks,
-- timers (jobs), message and signal subscriptions, and buffered messages. Ids are GUID text; JSON is stored as text.

CREATE TABLE process_definitions (
    process_id          text NOT NULL,
    version             integer NOT NULL,
    deployment_id       text NOT NULL,
    resource_name       text NOT NULL,
    content_hash        text NOT NULL,
    xml                 text NOT NULL,
    deployed_at         timestamptz NOT NULL,
    message_start_names text NOT NULL CHECK (message_start_names::jsonb IS NOT NULL),
    signal_start_names  text NOT NULL CHECK (signal_start_names::jsonb IS NOT NULL),
    PRIMARY KEY (process_id, version)
);

CREATE TABLE decision_definitions (
    definitions_id text NOT NULL,
    version        integer NOT NULL,
    deployment_id  text NOT NULL,
    resource_name  text NOT NULL,
    content_hash   text NOT NULL,
    xml            text NOT NULL,
    deployed_at    timestamptz NOT NULL,
    decision_ids   text NOT NULL CHECK (decision_ids::jsonb IS NOT NULL),
    PRIMARY KEY (definitions_id, version)
);

CREATE TABLE decision_definition_decisions (
    decision_id    text NOT NULL,
    definitions_id text NOT NULL,
    version        integer NOT NULL,
    PRIMARY KEY (decision_id, definitions_id, version),
    FOREIGN KEY (definitions_id, version) REFERENCES decision_definitions (definitions_id, version)
);

CREATE TABLE workflow_instances (
    id                 text PRIMARY KEY,
    version            bigint NOT NULL CHECK (version > 0),
    process_id         text NOT NULL,
    process_version    integer NOT NULL,
    business_key       text,
    parent_instance_id text,
    status             text NOT NULL,
    started_at         timestamptz NOT NULL,
    ended_at           timestamptz
);
CREATE INDEX ix_workflow_instances_process ON workflow_instances (process_id, process_version);
CREATE INDEX ix_workflow_instances_business_key ON workflow_instances (business_key);
CREATE INDEX ix_workflow_instances_parent ON workflow_instances (parent_instance_id);

CREATE TABLE history_events (
    instance_id text NOT NULL REFERENCES workflow_instances (id),
    sequence    bigint NOT NULL,
    kind        text NOT NULL,
    time        timestamptz NOT NULL,
    actor       text NOT NULL,
    element_id  text,
    payload     text NOT NULL,
    PRIMARY KEY (instance_id, sequence)
);

-- History is the audit trail: rows are only ever added.
CREATE FUNCTION history_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'history_events is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER history_events_no_change BEFORE UPDATE OR DELETE ON history_events
    FOR EACH ROW EXECUTE FUNCTION history_events_append_only();
CREATE TRIGGER history_events_no_truncate BEFORE TRUNCATE ON history_events
    FOR EACH STATEMENT EXECUTE FUNCTION history_events_append_only();

CREATE TABLE user_tasks (
    id               text PRIMARY KEY,
    instance_id      text NOT NULL REFERENCES workflow_instances (id),
    token_id         bigint NOT NULL,
    element_id       text NOT NULL,
    process_id       text NOT NULL,
    process_version  integer NOT NULL,
    name             text,
    assignee         text,
    candidate_groups text NOT NULL CHECK (candidate_groups::jsonb IS NOT NULL),
    candidate_users  text NOT NULL CHECK (candidate_users::jsonb IS NOT NULL),
    due_date         timestamptz,
    follow_up_date   timestamptz,
    priority         integer NOT NULL,
    form_key         text,
    created_at       timestamptz NOT NULL
);
CREATE INDEX ix_user_tasks_inbox ON user_tasks (due_date, priority DESC, created_at);
CREATE INDEX ix_user_tasks_assignee ON user_tasks (assignee, due_date);
CREATE INDEX ix_user_tasks_instance ON user_tasks (instance_id);

CREATE TABLE user_task_candidate_groups (
    group_name text NOT NULL,
    task_id    text NOT NULL REFERENCES user_tasks (id) ON DELETE CASCADE,
    PRIMARY KEY (group_name, task_id)
);
CREATE INDEX ix_user_task_candidate_groups_task ON user_task_candidate_groups (task_id);

CREATE TABLE user_task_candidate_users (
    user_id text NOT NULL,
    task_id text NOT NULL REFERENCES user_tasks (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, task_id)
);
CREATE INDEX ix_user_task_candidate_users_task ON user_task_candidate_users (task_id);

CREATE TABLE jobs (
    id                    text PRIMARY KEY,
    kind                  text NOT NULL,
    due_at                timestamptz NOT NULL,
    element_id            text NOT NULL,
    instance_id           text REFERENCES workflow_instances (id),
    token_id              bigint,
    process_id            text,
    process_version       integer,
    timer_kind            text NOT NULL,
    timer_text            text NOT NULL,
    remaining_repetitions integer,
    lock_owner            text,
    lock_expires_at       timestamptz
);
CREATE INDEX ix_jobs_due ON jobs (due_at, id);
CREATE INDEX ix_jobs_instance ON jobs (instance_id);
CREATE INDEX ix_jobs_start_timers ON jobs (process_id) WHERE kind = 'TimerStart';

CREATE TABLE message_subscriptions (
    id              text PRIMARY KEY,
    instance_id     text NOT NULL REFERENCES workflow_instances (id),
    token_id        bigint NOT NULL,
    element_id      text NOT NULL,
    message_name    text NOT NULL,
    correlation_key text NOT NULL,
    opened_at       timestamptz NOT NULL
);
CREATE INDEX ix_message_subscriptions_lookup ON message_subscriptions (message_name, correlation_key, opened_at);
CREATE INDEX ix_message_subscriptions_instance ON message_subscriptions (instance_id);

CREATE TABLE signal_subscriptions (
    id          text PRIMARY KEY,
    instance_id text NOT NULL REFERENCES workflow_instances (id),
    token_id    bigint NOT NULL,
    element_id  text NOT NULL,
    signal_name text NOT NULL
);
CREATE INDEX ix_signal_subscriptions_name ON signal_subscriptions (signal_name);
CREATE INDEX ix_signal_subscriptions_instance ON signal_subscriptions (instance_id);

CREATE TABLE buffered_messages (
    id              text PRIMARY KEY,
    message_name    text NOT NULL,
    correlation_key text NOT NULL,
    variables       text NOT NULL CHECK (variables::jsonb IS NOT NULL),
    published_at    timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL
);
CREATE INDEX ix_buffered_messages_lookup ON buffered_messages (message_name, correlation_key, published_at);
