-- Model folders kept in the store, so that every member of a team reads the versions another one
-- trained: one row per cascade folder (the folder a version's path points into; its name is unique
-- in the store, it ends in the run id) and its files cut into chunks of at most 1 MiB. sha256 is
-- the digest of the whole folder (every file's relative path and bytes), which a local copy is
-- checked against. BYTEA is PostgreSQL's binary type and one of H2's names for BINARY VARYING.
CREATE TABLE model_folders (
    name        VARCHAR(200) NOT NULL PRIMARY KEY,
    project_id  BIGINT       NOT NULL REFERENCES projects (id),
    sha256      VARCHAR(64)  NOT NULL,
    file_count  INTEGER      NOT NULL,
    total_bytes BIGINT       NOT NULL,
    stored_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE model_files (
    folder_name VARCHAR(200)  NOT NULL REFERENCES model_folders (name),
    file_path   VARCHAR(1000) NOT NULL,
    chunk_no    INTEGER       NOT NULL,
    chunk       BYTEA         NOT NULL,
    PRIMARY KEY (folder_name, file_path, chunk_no)
);
