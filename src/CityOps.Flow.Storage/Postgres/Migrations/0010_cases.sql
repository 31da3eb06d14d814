-- Cases: the reports that came in (one row per channel + source id), the cases they opened or joined, each case's
-- event history, and supervision notices. Personal data (reporter name and phone) sits in its own columns next to
-- the masked form the portal shows; reading the full form is an audited reveal.
-- Keyword search: search_terms holds the case's Chinese character bigrams and lower-cased words (see CaseSearchTerms)
-- under a GIN index; a query asks for every term of the keyword (@>) and rechecks the text with LIKE. This works the
-- same under any collation, unlike pg_trgm (whose trigrams miss two-character Chinese words) or a tsvector parser.

CREATE TABLE cases (
    row_id              bigserial PRIMARY KEY,
    id                  text NOT NULL UNIQUE,
    number              text NOT NULL UNIQUE,
    category_code       text NOT NULL,
    street_id           text,
    community_id        text,
    grid_id             text,
    channel             text NOT NULL,
    severity            text NOT NULL,
    status              text NOT NULL,
    cluster_size        integer NOT NULL DEFAULT 1 CHECK (cluster_size >= 1),
    lead_department_id  text,
    process_instance_id text,
    description         text,
    address             text,
    latitude            double precision,
    longitude           double precision,
    reporter_name       text,
    reporter_phone      text,
    reporter_display    text,
    is_key_case         boolean NOT NULL DEFAULT false,
    auto_dispatched     boolean NOT NULL DEFAULT false,
    opened_at           timestamptz NOT NULL,
    first_report_at     timestamptz NOT NULL,
    last_report_at      timestamptz NOT NULL,
    due_at              timestamptz,
    first_dispatched_at timestamptz,
    completed_at        timestamptz,
    closed_at           timestamptz,
    dispatch_count      integer NOT NULL DEFAULT 0,
    return_count        integer NOT NULL DEFAULT 0,
    send_back_count     integer NOT NULL DEFAULT 0,
    reopen_count        integer NOT NULL DEFAULT 0,
    citizen_satisfied   boolean,
    event_count         integer NOT NULL DEFAULT 1,
    search_terms        text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX ix_cases_street_opened ON cases (street_id, opened_at, row_id);
CREATE INDEX ix_cases_community_opened ON cases (community_id, opened_at, row_id);
CREATE INDEX ix_cases_grid_opened ON cases (grid_id, opened_at, row_id);
CREATE INDEX ix_cases_department_opened ON cases (lead_department_id, opened_at, row_id);
CREATE INDEX ix_cases_opened ON cases (opened_at, row_id);
CREATE INDEX ix_cases_status_last_report ON cases (status, last_report_at);
CREATE INDEX ix_cases_search_terms ON cases USING gin (search_terms);

CREATE TABLE case_number_counters (
    day  text PRIMARY KEY,
    last bigint NOT NULL
);

CREATE TABLE case_reports (
    id                bigserial PRIMARY KEY,
    channel           text NOT NULL,
    source_id         text NOT NULL,
    case_id           text REFERENCES cases (id) ON DELETE RESTRICT,
    category_code     text NOT NULL,
    description       text,
    address           text,
    area_id           text,
    latitude          double precision,
    longitude         double precision,
    severity          text,
    request_kind      text,
    reporter_name     text,
    reporter_phone    text,
    reporter_display  text,
    photos            text NOT NULL CHECK (photos::jsonb IS NOT NULL),
    details           text CHECK (details IS NULL OR details::jsonb IS NOT NULL),
    occurred_at       timestamptz,
    received_at       timestamptz NOT NULL,
    UNIQUE (channel, source_id)
);
CREATE INDEX ix_case_reports_case_id ON case_reports (case_id);
CREATE INDEX ix_case_reports_received_at ON case_reports (received_at);

CREATE TABLE case_events (
    case_id  text NOT NULL REFERENCES cases (id) ON DELETE RESTRICT,
    position integer NOT NULL,
    kind     text NOT NULL,
    at       timestamptz NOT NULL,
    actor    text,
    note     text,
    PRIMARY KEY (case_id, position)
);

CREATE TABLE supervision_notices (
    id            bigserial PRIMARY KEY,
    case_id       text NOT NULL REFERENCES cases (id) ON DELETE RESTRICT,
    tier          text NOT NULL,
    issued_at     timestamptz NOT NULL,
    issued_by     text NOT NULL,
    department_id text,
    message       text NOT NULL
);
CREATE INDEX ix_supervision_notices_case_id ON supervision_notices (case_id, issued_at);
