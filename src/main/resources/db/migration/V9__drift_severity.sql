-- Every drift test of a batch with its adjusted p-value, effect size and interval, and the
-- batch's severity (none / minor / moderate / major). Rows computed before stay NULL here.
ALTER TABLE batch_drift ADD COLUMN severity VARCHAR(16);
ALTER TABLE batch_drift ADD COLUMN tests_json VARCHAR(100000);
ALTER TABLE batch_drift ADD COLUMN notes_json VARCHAR(10000);
