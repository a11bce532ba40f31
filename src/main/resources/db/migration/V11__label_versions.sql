-- Optimistic locking of labels. labels.version counts the accepted writes of a quote's label; a
-- write names the version its writer saw and is refused when the label has moved on since.
-- label_history keeps, per change, the version it was written against (base_version) and the
-- version it produced (version), so a cleared label (no labels row) still has a version and every
-- accepted write can be checked afterwards. Rows from before this migration keep NULL there.
ALTER TABLE labels ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE label_history ADD COLUMN base_version BIGINT;
ALTER TABLE label_history ADD COLUMN version BIGINT;
