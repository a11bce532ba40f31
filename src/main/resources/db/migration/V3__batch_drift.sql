-- Drift of each batch against a reference, as the Monitoring view last computed it for a pair of
-- active versions.
-- stage2_version_id = 0 when only stage 1 ran, as in predictions.
CREATE TABLE batch_drift (
    batch_id            BIGINT  NOT NULL REFERENCES batches (id),
    stage1_version_id   BIGINT  NOT NULL REFERENCES model_versions (id),
    stage2_version_id   BIGINT  NOT NULL,
    reference_json      VARCHAR(10000) NOT NULL,
    reference_size      INTEGER NOT NULL,
    current_size        INTEGER NOT NULL,
    mmd2                DOUBLE PRECISION NOT NULL,
    mmd_p_value         DOUBLE PRECISION NOT NULL,
    prediction_js       DOUBLE PRECISION NOT NULL,
    prediction_psi      DOUBLE PRECISION NOT NULL,
    ks_statistic        DOUBLE PRECISION NOT NULL,
    ks_p_value          DOUBLE PRECISION NOT NULL,
    estimated_accuracy  DOUBLE PRECISION NOT NULL,
    reference_estimated DOUBLE PRECISION NOT NULL,
    label_js            DOUBLE PRECISION,
    label_psi           DOUBLE PRECISION,
    alerts_json         VARCHAR(100000) NOT NULL,
    explaining_json     VARCHAR(100000) NOT NULL,
    computed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (stage1_version_id, stage2_version_id, batch_id)
);
CREATE INDEX ix_batch_drift_batch ON batch_drift (batch_id, computed_at);
