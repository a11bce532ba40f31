package org.quotelab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.domain.quote.AnnotatorNames;

/**
 * Which annotators each batch of the project is assigned to (table batch_assignments). A batch
 * may have any number; assigning replaces the batch's list in one transaction.
 */
public final class BatchAssignmentRepository {
    private final Database db;
    private final long projectId;

    BatchAssignmentRepository(Database db, long projectId) {
        this.db = db;
        this.projectId = projectId;
    }

    /**
     * Makes {@code annotators} (names checked, duplicates dropped; empty = nobody) the batch's
     * assignees, recording {@code by} as who assigned them. Returns the new list, sorted.
     */
    public List<String> assign(long batchId, Collection<String> annotators, String by) {
        List<String> names = annotators.stream().map(AnnotatorNames::check).distinct().toList();
        String assigner = AnnotatorNames.check(by);
        return db.write(c -> {
            requireBatch(c, batchId);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM batch_assignments WHERE batch_id = ?")) {
                del.setLong(1, batchId);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO batch_assignments"
                    + " (batch_id, annotator, assigned_by, assigned_at) VALUES (?, ?, ?, ?)")) {
                Instant now = Instant.now();
                for (String name : names) {
                    ins.setLong(1, batchId);
                    ins.setString(2, name);
                    ins.setString(3, assigner);
                    Jdbc.setInstant(ins, 4, now);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return assignees(c, batchId);
        });
    }

    /** The batch's assignees in name order; empty when it has none. */
    public List<String> assignees(long batchId) {
        return db.read(c -> {
            requireBatch(c, batchId);
            return assignees(c, batchId);
        });
    }

    /** Every batch of the project that has assignees, by batch id, names in order. */
    public Map<Long, List<String>> all() {
        return db.read(c -> {
            Map<Long, List<String>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.batch_id, a.annotator FROM batch_assignments a"
                    + " JOIN batches b ON b.id = a.batch_id WHERE b.project_id = ? ORDER BY a.batch_id, a.annotator")) {
                ps.setLong(1, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    /** The ids of the project's batches assigned to {@code annotator}, in batch id order. */
    public List<Long> batchesOf(String annotator) {
        return db.read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.batch_id FROM batch_assignments a"
                    + " JOIN batches b ON b.id = a.batch_id WHERE b.project_id = ? AND a.annotator = ?"
                    + " ORDER BY a.batch_id")) {
                ps.setLong(1, projectId);
                ps.setString(2, annotator);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    private void requireBatch(Connection c, long batchId) throws SQLException {
        if (Counts.single(c, "SELECT COUNT(*) FROM batches WHERE id = ? AND project_id = ?", batchId, projectId) == 0) {
            throw new IllegalArgumentException("no batch " + batchId + " in this project");
        }
    }

    private static List<String> assignees(Connection c, long batchId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT annotator FROM batch_assignments WHERE batch_id = ? ORDER BY annotator")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
