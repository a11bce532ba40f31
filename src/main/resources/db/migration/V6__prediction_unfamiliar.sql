-- How far each prediction's stage-1 encoder features lie from the training quotes (Mahalanobis
-- distance) and whether that is beyond the version's cut-off. NULL: the stage-1 version has no
-- feature statistics, or the prediction was stored before they existed ("unknown").
ALTER TABLE predictions ADD COLUMN unfamiliar DOUBLE PRECISION;
ALTER TABLE predictions ADD COLUMN unfamiliar_flag BOOLEAN;
CREATE INDEX ix_predictions_unfamiliar ON predictions (stage1_version_id, stage2_version_id, unfamiliar_flag);
