-- Key figures (KPIs) are aggregated in SQL over the cases opened in a window. Handling time counts working time,
-- which only the working-time calendar knows, so it is measured once per completion by the application and kept on
-- the case (handling_measured_for says which completion it measured; a later completion is measured again).
-- ix_cases_open holds only the open cases, with the columns open and overdue counts read.
-- ix_cases_kpi covers every column the aggregates read, so a year of cases is summed from the index alone.

ALTER TABLE cases ADD COLUMN handling_work_seconds INTEGER;
ALTER TABLE cases ADD COLUMN handling_measured_for TEXT;

CREATE INDEX ix_cases_kpi ON cases (opened_at, street_id, community_id, grid_id, lead_department_id, category_code, channel,
    status, due_at, first_dispatched_at, completed_at, closed_at, return_count, send_back_count, reopen_count,
    citizen_satisfied, auto_dispatched, handling_work_seconds);
CREATE INDEX ix_cases_handling_unmeasured ON cases (row_id)
    WHERE completed_at IS NOT NULL AND handling_measured_for IS NOT completed_at;
CREATE INDEX ix_case_reports_received_case ON case_reports (received_at, case_id, channel, category_code);
CREATE INDEX ix_cases_open ON cases (status, due_at, street_id, community_id, grid_id, lead_department_id, category_code, channel)
    WHERE status IN ('Reported', 'Filed', 'Dispatched', 'Handling', 'JointHandling', 'AwaitingReview', 'AwaitingCallback', 'Reopened');
