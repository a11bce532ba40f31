package org.quotelab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.quotelab.domain.quote.ReplayEntry;

/** The continual-learning replay memory of each stage, replaced as a whole after each update. */
public final class ReplayMemoryRepository {
    private final Database db;
    private final long projectId;
    /** The replay memory holds quotes; a quote's project is its batch's. */
    private static final String IN_PROJECT = " quote_id IN (SELECT q.id FROM quotes q JOIN batches b"
            + " ON b.id = q.batch_id WHERE b.project_id = ?)";

    ReplayMemoryRepository(Database db, long projectId) {
        this.db = db;
        this.projectId = projectId;
    }

    public List<ReplayEntry> list(int stage) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT quote_id, weight FROM replay_memory WHERE stage = ? AND" + IN_PROJECT + " ORDER BY quote_id")) {
                ps.setInt(1, stage);
                ps.setLong(2, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ReplayEntry> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new ReplayEntry(stage, rs.getLong(1), rs.getDouble(2)));
                    }
                    return out;
                }
            }
        });
    }

    /** Replaces the memory of {@code stage} in one transaction, so a crash keeps the old memory whole. */
    public void replace(int stage, List<ReplayEntry> entries) {
        db.write(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM replay_memory WHERE stage = ? AND" + IN_PROJECT)) {
                del.setInt(1, stage);
                del.setLong(2, projectId);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO replay_memory (stage, quote_id, weight) VALUES (?, ?, ?)")) {
                for (ReplayEntry e : entries) {
                    if (e.stage() != stage) {
                        throw new IllegalArgumentException("entry of stage " + e.stage() + " in stage " + stage);
                    }
                    ins.setInt(1, stage);
                    ins.setLong(2, e.quoteId());
                    ins.setDouble(3, e.weight());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
    }
}
