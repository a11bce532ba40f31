-- Which quotes each model version learned from ('trained') and had its temperatures and operating
-- point fitted on ('calibrated'), so that evaluations can default to quotes a version never saw.
-- A version derived from another (a continual update, a copied stage) repeats its parent's rows:
-- what a version saw is then one lookup. No foreign key on quote_id: deleting a batch removes its
-- quotes, and a row about a quote that no longer exists is harmless.
CREATE TABLE version_quotes (
    version_id BIGINT      NOT NULL REFERENCES model_versions (id),
    quote_id   BIGINT      NOT NULL,
    role       VARCHAR(20) NOT NULL,
    PRIMARY KEY (version_id, quote_id, role),
    CONSTRAINT ck_version_quotes_role CHECK (role IN ('trained', 'calibrated'))
);
CREATE INDEX ix_version_quotes_quote ON version_quotes (quote_id);
