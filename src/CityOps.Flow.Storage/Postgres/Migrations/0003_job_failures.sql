-- Failed attempts of a job, so retries back off and an exhausted job is parked instead of looping. A row lives only
-- while its job keeps failing; success removes it.
CREATE TABLE job_failures (
    job_id         text PRIMARY KEY,
    attempts       integer NOT NULL CHECK (attempts > 0),
    last_error     text NOT NULL,
    last_failed_at timestamptz NOT NULL,
    worker         text NOT NULL
);
