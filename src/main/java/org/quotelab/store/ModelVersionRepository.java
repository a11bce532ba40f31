package org.quotelab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quotelab.domain.model.ModelStatus;
import org.quotelab.domain.model.ModelVersion;

/** Model versions of both stages; at most one ACTIVE per stage, switched in one transaction. */
public final class ModelVersionRepository {
    private final Database db;
    private final long projectId;

    ModelVersionRepository(Database db, long projectId) {
        this.db = db;
        this.projectId = projectId;
    }

    /** Registers a new CANDIDATE version. */
    public ModelVersion create(int stage, Long parentId, String path, String provenanceJson, String metricsJson) {
        Instant now = Instant.now();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO model_versions (stage, parent_id, status,"
                    + " path, provenance_json, metrics_json, created_at, project_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setInt(1, stage);
                Jdbc.setLong(ps, 2, parentId);
                ps.setString(3, ModelStatus.CANDIDATE.name());
                ps.setString(4, path);
                ps.setString(5, provenanceJson);
                ps.setString(6, metricsJson);
                Jdbc.setInstant(ps, 7, now);
                ps.setLong(8, projectId);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return find(c, keys.getLong(1)).orElseThrow();
                }
            }
        });
    }

    public Optional<ModelVersion> find(long id) {
        return db.read(c -> find(c, id));
    }

    /** Versions of a stage, newest first. */
    public List<ModelVersion> list(int stage) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM model_versions WHERE stage = ? AND project_id = ? ORDER BY id DESC")) {
                ps.setInt(1, stage);
                ps.setLong(2, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ModelVersion> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                    return out;
                }
            }
        });
    }

    public Optional<ModelVersion> active(int stage) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM model_versions WHERE stage = ? AND status = ? AND project_id = ?")) {
                ps.setInt(1, stage);
                ps.setString(2, ModelStatus.ACTIVE.name());
                ps.setLong(3, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Makes {@code id} the active version of its stage; the previous active one is retired. Also used to roll back. */
    public ModelVersion activate(long id, String reason) {
        return db.write(c -> {
            ModelVersion v = find(c, id).orElseThrow(() -> new IllegalArgumentException("no model version " + id));
            try (PreparedStatement ps = c.prepareStatement("UPDATE model_versions SET status = ?"
                    + " WHERE stage = ? AND status = ? AND id <> ? AND project_id = ?")) {
                ps.setString(1, ModelStatus.RETIRED.name());
                ps.setInt(2, v.stage());
                ps.setString(3, ModelStatus.ACTIVE.name());
                ps.setLong(4, id);
                // the version's own project: each project has its own active cascade
                ps.setLong(5, projectOf(c, id));
                ps.executeUpdate();
            }
            setStatus(c, id, ModelStatus.ACTIVE, reason);
            return find(c, id).orElseThrow();
        });
    }

    /** Records a status without touching other versions, e.g. a candidate refused by the promotion gate. */
    public ModelVersion updateStatus(long id, ModelStatus status, String reason) {
        if (status == ModelStatus.ACTIVE) {
            return activate(id, reason);
        }
        return db.write(c -> {
            setStatus(c, id, status, reason);
            return find(c, id).orElseThrow(() -> new IllegalArgumentException("no model version " + id));
        });
    }

    public void updateMetrics(long id, String metricsJson) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE model_versions SET metrics_json = ? WHERE id = ?")) {
                ps.setString(1, metricsJson);
                ps.setLong(2, id);
                if (ps.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no model version " + id);
                }
            }
            return null;
        });
    }

    private static void setStatus(Connection c, long id, ModelStatus status, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE model_versions SET status = ?, status_reason = ? WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, reason);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    private static long projectOf(Connection c, long id) throws SQLException {
        return Counts.single(c, "SELECT project_id FROM model_versions WHERE id = ?", id);
    }

    private static Optional<ModelVersion> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM model_versions WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static ModelVersion map(ResultSet rs) throws SQLException {
        return new ModelVersion(rs.getLong("id"), rs.getInt("stage"), Jdbc.getLong(rs, "parent_id"),
                ModelStatus.valueOf(rs.getString("status")), rs.getString("path"), rs.getString("provenance_json"),
                rs.getString("metrics_json"), Jdbc.getInstant(rs, "created_at"), rs.getString("status_reason"));
    }
}
