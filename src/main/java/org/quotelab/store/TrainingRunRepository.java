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
import org.quotelab.domain.model.RunStatus;
import org.quotelab.domain.model.TrainingRun;

/** Training and update jobs. A run left RUNNING by a killed process is marked INTERRUPTED at start-up. */
public final class TrainingRunRepository {
    private final Database db;
    private final long projectId;

    TrainingRunRepository(Database db, long projectId) {
        this.db = db;
        this.projectId = projectId;
    }

    public TrainingRun start(String jobId, String paramsJson) {
        Instant now = Instant.now();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO training_runs (job_id, status, started_at,"
                    + " params_json, project_id) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, jobId);
                ps.setString(2, RunStatus.RUNNING.name());
                Jdbc.setInstant(ps, 3, now);
                ps.setString(4, paramsJson);
                ps.setLong(5, projectId);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return find(c, keys.getLong(1)).orElseThrow();
                }
            }
        });
    }

    /** Ends a run with DONE, CANCELLED, FAILED or INTERRUPTED; {@code modelVersionId} is the version it produced, if any. */
    public TrainingRun finish(long runId, RunStatus status, String message, Long modelVersionId) {
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("finish needs a final status");
        }
        Instant now = Instant.now();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE training_runs SET status = ?, finished_at = ?,"
                    + " message = ?, model_version_id = ? WHERE id = ?")) {
                ps.setString(1, status.name());
                Jdbc.setInstant(ps, 2, now);
                ps.setString(3, message);
                Jdbc.setLong(ps, 4, modelVersionId);
                ps.setLong(5, runId);
                if (ps.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no training run " + runId);
                }
            }
            return find(c, runId).orElseThrow();
        });
    }

    /** Call once at start-up, before any job starts: runs still RUNNING belong to a dead process. */
    public int markInterrupted() {
        Instant now = Instant.now();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE training_runs SET status = ?, finished_at = ?,"
                    + " message = ? WHERE status = ?")) {
                ps.setString(1, RunStatus.INTERRUPTED.name());
                Jdbc.setInstant(ps, 2, now);
                ps.setString(3, "the process ended while the job was running");
                ps.setString(4, RunStatus.RUNNING.name());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<TrainingRun> find(long id) {
        return db.read(c -> find(c, id));
    }

    public Optional<TrainingRun> findByJob(String jobId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM training_runs WHERE job_id = ?")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Runs, newest first. */
    public List<TrainingRun> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM training_runs WHERE project_id = ? ORDER BY id DESC")) {
                ps.setLong(1, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<TrainingRun> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                    return out;
                }
            }
        });
    }

    private static Optional<TrainingRun> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM training_runs WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static TrainingRun map(ResultSet rs) throws SQLException {
        return new TrainingRun(rs.getLong("id"), rs.getString("job_id"), RunStatus.valueOf(rs.getString("status")),
                Jdbc.getInstant(rs, "started_at"), Jdbc.getInstant(rs, "finished_at"), rs.getString("params_json"),
                rs.getString("message"), Jdbc.getLong(rs, "model_version_id"));
    }
}
