-- The workflow engine's durable state: deployed versions, instances with their append-only history, open user tasks,
-- timers (jobs), message and signal subscriptions, and buffered messages. Ids are GUID text; times are UTC ISO 8601
-- text of fixed width, so text order is time order.

CREATE TABLE process_definitions (
    process_id          TEXT NOT NULL,
    version             INTEGER NOT NULL,
    deployment_id       TEXT NOT NULL,
    resource_name       TEXT NOT NULL,
    content_hash        TEXT NOT NULL,
    xml                 TEXT NOT NULL,
    deployed_at         TEXT NOT NULL,
    message_start_names TEXT NOT NULL CHECK (json_valid(message_start_names)),
    signal_start_names  TEXT NOT NULL CHECK (json_valid(signal_start_names)),
    PRIMARY KEY (process_id, version)
);

CREATE TABLE decision_definitions (
    definitions_id TEXT NOT NULL,
    version        INTEGER NOT NULL,
    deployment_id  TEXT NOT NULL,
    resource_name  TEXT NOT NULL,
    content_hash   TEXT NOT NULL,
    xml            TEXT NOT NULL,
    deployed_at    TEXT NOT NULL,
    decision_ids   TEXT NOT NULL CHECK (json_valid(decision_ids)),
    PRIMARY KEY (definitions_id, version)
);

CREATE TABLE decision_definition_decisions (
    decision_id    TEXT NOT NULL,
    definitions_id TEXT NOT NULL,
    version        INTEGER NOT NULL,
    PRIMARY KEY (decision_id, definitions_id, version),
    FOREIGN KEY (definitions_id, version) REFERENCES decision_definitions (definitions_id, version)
);

CREATE TABLE workflow_instances (
    id                 TEXT PRIMARY KEY,
    version            INTEGER NOT NULL CHECK (version > 0),
    process_id         TEXT NOT NULL,
    process_version    INTEGER NOT NULL,
    business_key       TEXT,
    parent_instance_id TEXT,
    status             TEXT NOT NULL,
    started_at         TEXT NOT NULL,
    ended_at           TEXT
);
CREATE INDEX ix_workflow_instances_process ON workflow_instances (process_id, process_version);
CREATE INDEX ix_workflow_instances_business_key ON workflow_instances (business_key);
CREATE INDEX ix_workflow_instances_parent ON workflow_instances (parent_instance_id);

CREATE TABLE history_events (
    instance_id TEXT NOT NULL REFERENCES workflow_instances (id),
    sequence    INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    time        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    element_id  TEXT,
    payload     TEXT NOT NULL,
    PRIMARY KEY (instance_id, sequence)
);

-- History is the audit trail: rows are only ever added.
CREATE TRIGGER history_events_no_update BEFORE UPDATE ON history_events
BEGIN
    SELECT RAISE(ABORT, 'history_events is append-only: UPDATE refused');
END;
CREATE TRIGGER history_events_no_delete BEFORE DELETE ON history_events
BEGIN
    SELECT RAISE(ABORT, 'history_events is append-only: DELETE refused');
END;

CREATE TABLE user_tasks (
    id               TEXT PRIMARY KEY,
    instance_id      TEXT NOT NULL REFERENCES workflow_instances (id),
    token_id         INTEGER NOT NULL,
    element_id       TEXT NOT NULL,
    process_id       TEXT NOT NULL,
    process_version  INTEGER NOT NULL,
    name             TEXT,
    assignee         TEXT,
    candidate_groups TEXT NOT NULL CHECK (json_valid(candidate_groups)),
    candidate_users  TEXT NOT NULL CHECK (json_valid(candidate_users)),
    due_date         TEXT,
    follow_up_date   TEXT,
    priority         INTEGER NOT NULL,
    form_key         TEXT,
    created_at       TEXT NOT NULL
);
CREATE INDEX ix_user_tasks_inbox ON user_tasks (due_date, priority DESC, created_at);
CREATE INDEX ix_user_tasks_assignee ON user_tasks (assignee, due_date);
CREATE INDEX ix_user_tasks_instance ON user_tasks (instance_id);

CREATE TABLE user_task_candidate_groups (
    group_name TEXT NOT NULL,
    task_id    TEXT NOT NULL REFERENCES user_tasks (id) ON DELETE CASCADE,
    PRIMARY KEY (group_name, task_id)
);
CREATE INDEX ix_user_task_candidate_groups_task ON user_task_candidate_groups (task_id);

CREATE TABLE user_task_candidate_users (
    user_id TEXT NOT NULL,
    task_id TEXT NOT NULL REFERENCES user_tasks (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, task_id)
);
CREATE INDEX ix_user_task_candidate_users_task ON user_task_candidate_users (task_id);

CREATE TABLE jobs (
    id                    TEXT PRIMARY KEY,
    kind                  TEXT NOT NULL,
    due_at                TEXT NOT NULL,
    element_id            TEXT NOT NULL,
    instance_id           TEXT REFERENCES workflow_instances (id),
    token_id              INTEGER,
    process_id            TEXT,
    process_version       INTEGER,
    timer_kind            TEXT NOT NULL,
    timer_text            TEXT NOT NULL,
    remaining_repetitions INTEGER,
    lock_owner            TEXT,
    lock_expires_at       TEXT
);
CREATE INDEX ix_jobs_due ON jobs (due_at, id);
CREATE INDEX ix_jobs_instance ON jobs (instance_id);
CREATE INDEX ix_jobs_start_timers ON jobs (process_id) WHERE kind = 'TimerStart';

CREATE TABLE message_subscriptions (
    id              TEXT PRIMARY KEY,
    instance_id     TEXT NOT NULL REFERENCES workflow_instances (id),
    token_id        INTEGER NOT NULL,
    element_id      TEXT NOT NULL,
    message_name    TEXT NOT NULL,
    correlation_key TEXT NOT NULL,
    opened_at       TEXT NOT NULL
);
CREATE INDEX ix_message_subscriptions_lookup ON message_subscriptions (message_name, correlation_key, opened_at);
CREATE INDEX ix_message_subscriptions_instance ON message_subscriptions (instance_id);

CREATE TABLE signal_subscriptions (
    id          TEXT PRIMARY KEY,
    instance_id TEXT NOT NULL REFERENCES workflow_instances (id),
    token_id    INTEGER NOT NULL,
    element_id  TEXT NOT NULL,
    signal_name TEXT NOT NULL
);
CREATE INDEX ix_signal_subscriptions_name ON signal_subscriptions (signal_name);
CREATE INDEX ix_signal_subscriptions_instance ON signal_subscriptions (instance_id);

CREATE TABLE buffered_messages (
    id              TEXT PRIMARY KEY,
    message_name    TEXT NOT NULL,
    correlation_key TEXT NOT NULL,
    variables       TEXT NOT NULL CHECK (json_valid(variables)),
    published_at    TEXT NOT NULL,
    expires_at      TEXT NOT NULL
);
CREATE INDEX ix_buffered_messages_lookup ON buffered_messages (message_name, correlation_key, published_at);
