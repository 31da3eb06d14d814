-- Cases: the reports that came in (one row per channel + source id), the cases they opened or joined, each case's
-- event history, and supervision notices. Personal data (reporter name and phone) sits in its own columns next to
-- the masked form the portal shows; reading the full form is an audited reveal.
-- Keyword search: case_search is a contentless FTS5 index (rowid = cases.row_id) over the case's search terms, which
-- the application writes as Chinese character bigrams and lower-cased words (see CaseSearchTerms).

CREATE TABLE cases (
    row_id              INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    number              TEXT NOT NULL UNIQUE,
    category_code       TEXT NOT NULL,
    street_id           TEXT,
    community_id        TEXT,
    grid_id             TEXT,
    channel             TEXT NOT NULL,
    severity            TEXT NOT NULL,
    status              TEXT NOT NULL,
    cluster_size        INTEGER NOT NULL DEFAULT 1 CHECK (cluster_size >= 1),
    lead_department_id  TEXT,
    process_instance_id TEXT,
    description         TEXT,
    address             TEXT,
    latitude            REAL,
    longitude           REAL,
    reporter_name       TEXT,
    reporter_phone      TEXT,
    reporter_display    TEXT,
    is_key_case         INTEGER NOT NULL DEFAULT 0 CHECK (is_key_case IN (0, 1)),
    auto_dispatched     INTEGER NOT NULL DEFAULT 0 CHECK (auto_dispatched IN (0, 1)),
    opened_at           TEXT NOT NULL,
    first_report_at     TEXT NOT NULL,
    last_report_at      TEXT NOT NULL,
    due_at              TEXT,
    first_dispatched_at TEXT,
    completed_at        TEXT,
    closed_at           TEXT,
    dispatch_count      INTEGER NOT NULL DEFAULT 0,
    return_count        INTEGER NOT NULL DEFAULT 0,
    send_back_count     INTEGER NOT NULL DEFAULT 0,
    reopen_count        INTEGER NOT NULL DEFAULT 0,
    citizen_satisfied   INTEGER CHECK (citizen_satisfied IN (0, 1)),
    event_count         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_cases_street_opened ON cases (street_id, opened_at, row_id);
CREATE INDEX ix_cases_community_opened ON cases (community_id, opened_at, row_id);
CREATE INDEX ix_cases_grid_opened ON cases (grid_id, opened_at, row_id);
CREATE INDEX ix_cases_department_opened ON cases (lead_department_id, opened_at, row_id);
CREATE INDEX ix_cases_opened ON cases (opened_at, row_id);
CREATE INDEX ix_cases_status_last_report ON cases (status, last_report_at);

CREATE VIRTUAL TABLE case_search USING fts5 (terms, content = '', tokenize = 'unicode61');

CREATE TABLE case_number_counters (
    day  TEXT PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE case_reports (
    id                INTEGER PRIMARY KEY,
    channel           TEXT NOT NULL,
    source_id         TEXT NOT NULL,
    case_id           TEXT REFERENCES cases (id) ON DELETE RESTRICT,
    category_code     TEXT NOT NULL,
    description       TEXT,
    address           TEXT,
    area_id           TEXT,
    latitude          REAL,
    longitude         REAL,
    severity          TEXT,
    request_kind      TEXT,
    reporter_name     TEXT,
    reporter_phone    TEXT,
    reporter_display  TEXT,
    photos            TEXT NOT NULL CHECK (json_valid(photos)),
    details           TEXT CHECK (details IS NULL OR json_valid(details)),
    occurred_at       TEXT,
    received_at       TEXT NOT NULL,
    UNIQUE (channel, source_id)
);
CREATE INDEX ix_case_reports_case_id ON case_reports (case_id);
CREATE INDEX ix_case_reports_received_at ON case_reports (received_at);

CREATE TABLE case_events (
    case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    at       TEXT NOT NULL,
    actor    TEXT,
    note     TEXT,
    PRIMARY KEY (case_id, position)
);

CREATE TABLE supervision_notices (
    id            INTEGER PRIMARY KEY,
    case_id       TEXT NOT NULL REFERENCES cases (id) ON DELETE RESTRICT,
    tier          TEXT NOT NULL,
    issued_at     TEXT NOT NULL,
    issued_by     TEXT NOT NULL,
    department_id TEXT,
    message       TEXT NOT NULL
);
CREATE INDEX ix_supervision_notices_case_id ON supervision_notices (case_id, issued_at);
