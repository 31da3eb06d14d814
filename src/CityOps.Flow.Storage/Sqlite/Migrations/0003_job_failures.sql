-- Failed attempts of a job, so retries back off and an exhausted job is parked instead of looping. A row lives only
-- while its job keeps failing; success removes it.
CREATE TABLE job_failures (
    job_id         TEXT PRIMARY KEY,
    attempts       INTEGER NOT NULL CHECK (attempts > 0),
    last_error     TEXT NOT NULL,
    last_failed_at TEXT NOT NULL,
    worker         TEXT NOT NULL
);
