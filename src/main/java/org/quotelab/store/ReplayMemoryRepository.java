package org.quotelab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.quotelab.domain.quote.ReplayEntry;

/** The continual-learning replay memory of each stage, replaced as a whole after each update. */
public final class ReplayMemoryRepository {
    private final Database db;

    public ReplayMemoryRepository(Database db) {
        this.db = db;
    }

    public List<ReplayEntry> list(int stage) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT quote_id, weight FROM replay_memory WHERE stage = ? ORDER BY quote_id")) {
                ps.setInt(1, stage);
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
            try (PreparedStatement del = c.prepareStatement("DELETE FROM replay_memory WHERE stage = ?")) {
                del.setInt(1, stage);
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
