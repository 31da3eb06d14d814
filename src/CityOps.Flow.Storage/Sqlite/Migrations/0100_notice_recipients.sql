-- Who an automatic notice (督办) told, as the escalation table named them (a JSON array such as ["handler","section chief"]),
-- so pages can name them in the reader's language; null for a notice a person wrote.
ALTER TABLE supervision_notices ADD COLUMN recipients TEXT;
