-- Attachments: photos added to a case (at intake, by a handler completing a task, by an inspector), each optionally
-- tied to the task or report it came with. The bytes sit in attachment_contents, so listing a case's photos never
-- reads image data; they live in the database rather than on one node's disk so every node can serve them.

CREATE TABLE attachments (
    row_id      INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE RESTRICT,
    task_id     TEXT,
    report_id   INTEGER REFERENCES case_reports (id) ON DELETE RESTRICT,
    file_name   TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size_bytes  INTEGER NOT NULL CHECK (size_bytes > 0),
    width       INTEGER NOT NULL CHECK (width > 0),
    height      INTEGER NOT NULL CHECK (height > 0),
    sha256      TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX ix_attachments_case ON attachments (case_id, row_id);
-- A retried upload (a form posted twice) stores the photo once.
CREATE UNIQUE INDEX ux_attachments_case_content ON attachments (case_id, sha256);

CREATE TABLE attachment_contents (
    attachment_id TEXT PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
    content       BLOB NOT NULL
);
