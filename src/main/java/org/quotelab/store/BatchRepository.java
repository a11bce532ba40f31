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
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.quote.BatchSummary;

/** Batches: one per imported file or file group, in arrival order. */
public final class BatchRepository {
    private static final String COLUMNS =
            "b.id, b.seq, b.file_name, b.content_hash, b.group_name, b.day_name, b.imported_at, b.row_count";

    private final Database db;
    private final long projectId;

    BatchRepository(Database db, long projectId) {
        this.db = db;
        this.projectId = projectId;
    }

    public List<Batch> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM batches b WHERE b.project_id = ? ORDER BY b.seq")) {
                ps.setLong(1, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Batch> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                    return out;
                }
            }
        });
    }

    /** Batches with their labelled and validation counts, for the Data view. */
    public List<BatchSummary> summaries() {
        String sql = "SELECT " + COLUMNS + ","
                + " (SELECT COUNT(*) FROM quotes q JOIN labels l ON l.quote_id = q.id WHERE q.batch_id = b.id) AS labelled,"
                + " (SELECT COUNT(*) FROM quotes q WHERE q.batch_id = b.id AND q.is_validation) AS validation"
                + " FROM batches b WHERE b.project_id = ? ORDER BY b.seq";
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<BatchSummary> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new BatchSummary(map(rs), rs.getInt("labelled"), rs.getInt("validation")));
                    }
                    return out;
                }
            }
        });
    }

    public Optional<Batch> find(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM batches b WHERE b.id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Batches of this project already imported from a file with this SHA-256 content hash. */
    public List<Batch> findByHash(String contentHash) {
        return db.read(c -> byHash(c, projectId, contentHash));
    }

    static List<Batch> byHash(Connection c, long projectId, String contentHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM batches b WHERE b.content_hash = ? AND b.project_id = ? ORDER BY b.seq")) {
            ps.setString(1, contentHash);
            ps.setLong(2, projectId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Batch> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(map(rs));
                }
                return out;
            }
        }
    }

    public long count() {
        return db.read(c -> Counts.single(c, "SELECT COUNT(*) FROM batches WHERE project_id = ?", projectId));
    }

    /** Inserts a batch with a provisional row count; called inside an import transaction. */
    static Batch insert(Connection c, long projectId, String fileName, String hash, String group, String day,
            Instant at) throws SQLException {
        int seq = (int) Counts.single(c, "SELECT COALESCE(MAX(seq), 0) + 1 FROM batches");
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO batches (seq, file_name, content_hash, group_name, day_name, imported_at, row_count,"
                        + " project_id) VALUES (?, ?, ?, ?, ?, ?, 0, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setInt(1, seq);
            ps.setString(2, fileName);
            ps.setString(3, hash);
            ps.setString(4, group);
            ps.setString(5, day);
            Jdbc.setInstant(ps, 6, at);
            ps.setLong(7, projectId);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Batch(keys.getLong(1), seq, fileName, hash, group, day, at, 0);
            }
        }
    }

    /** Removes a batch with its quotes, labels, history, predictions and replay entries. */
    public void delete(long batchId) {
        String inBatch = " WHERE quote_id IN (SELECT id FROM quotes WHERE batch_id = ?)";
        db.write(c -> {
            for (String sql : List.of(
                    "DELETE FROM replay_memory" + inBatch,
                    "DELETE FROM predictions" + inBatch,
                    "DELETE FROM label_history" + inBatch,
                    "DELETE FROM labels" + inBatch,
                    "DELETE FROM quotes WHERE batch_id = ?",
                    "DELETE FROM batches WHERE id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, batchId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    static Batch map(ResultSet rs) throws SQLException {
        return new Batch(rs.getLong("id"), rs.getInt("seq"), rs.getString("file_name"),
                rs.getString("content_hash"), rs.getString("group_name"), rs.getString("day_name"),
                Jdbc.getInstant(rs, "imported_at"), rs.getInt("row_count"));
    }
}
