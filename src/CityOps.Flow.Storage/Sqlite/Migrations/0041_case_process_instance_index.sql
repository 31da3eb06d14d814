-- Inboxes list tasks by workflow instance and show each with its case.
CREATE INDEX ix_cases_process_instance ON cases (process_instance_id);
