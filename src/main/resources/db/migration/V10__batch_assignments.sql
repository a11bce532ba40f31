-- Which annotators a batch is assigned to: any number per batch, each name once. Names are the
-- annotator names recorded in labels.updated_by and label_history.changed_by. Deleting a batch
-- removes its assignments.
CREATE TABLE batch_assignments (
    batch_id    BIGINT       NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    annotator   VARCHAR(200) NOT NULL,
    assigned_by VARCHAR(200) NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_batch_assignments PRIMARY KEY (batch_id, annotator)
);
CREATE INDEX ix_batch_assignments_annotator ON batch_assignments (annotator);
