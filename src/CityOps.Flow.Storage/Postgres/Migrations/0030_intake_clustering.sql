-- Intake decides join-or-open in the database, inside one transaction per report batch; on PostgreSQL several nodes
-- decide at once, so each decision holds transaction-scoped advisory locks on the (category, cell) neighbourhood of
-- the report and re-reads the open cases there (see CaseRepository.Intake). The lookup reads a category's open cases
-- in a small latitude band.
-- A report keeps the answer intake first gave for it (outcome and cluster size), so a retried post gets that answer.
-- lifecycle_cluster_size is the cluster size the case's lifecycle instance was last told; the lifecycle sync brings
-- instances whose case grew past it up to date, coalescing a storm of joins into one update per case.

ALTER TABLE case_reports ADD COLUMN intake_outcome text CHECK (intake_outcome IS NULL OR intake_outcome IN ('opened', 'joined'));
ALTER TABLE case_reports ADD COLUMN intake_cluster_size integer;
ALTER TABLE cases ADD COLUMN lifecycle_cluster_size integer NOT NULL DEFAULT 1;

CREATE INDEX ix_cases_cluster_lookup ON cases (category_code, latitude);
CREATE INDEX ix_cases_lifecycle_behind ON cases (row_id) WHERE cluster_size <> lifecycle_cluster_size;
CREATE INDEX ix_cases_lifecycle_missing ON cases (opened_at) WHERE process_instance_id IS NULL;
