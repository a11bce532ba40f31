package org.quotelab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks of the label history of a whole store, for benchmarks and audits: lost updates
 * recomputed from the history alone, and each annotator's latest label per quote (the raw data
 * agreement is computed from).
 */
public final class LabelAudit {
    /** One annotator's latest label of a quote; {@code label} null: cleared. */
    public record AnnotatorLabel(String annotator, long quoteId, Integer label, String topic) {
    }

    private final Database db;

    public LabelAudit(QuoteStore store) {
        this.db = store.database();
    }

    /**
     * Accepted versioned writes whose expected version was not the version the previous accepted
     * write of the same quote produced (0 before the first): each one overwrote a label its writer
     * never saw. Changes from before labels had versions are skipped.
     */
    public long lostUpdates() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT quote_id, base_version, version FROM label_history"
                    + " WHERE version IS NOT NULL ORDER BY quote_id, id")) {
                try (ResultSet rs = ps.executeQuery()) {
                    long lost = 0;
                    long quote = -1;
                    long previous = 0;
                    while (rs.next()) {
                        if (rs.getLong(1) != quote) {
                            quote = rs.getLong(1);
                            previous = 0;
                        }
                        if (rs.getLong(2) != previous) {
                            lost++;
                        }
                        previous = rs.getLong(3);
                    }
                    return lost;
                }
            }
        });
    }

    /** Versioned writes accepted in the store (history rows with a version). */
    public long versionedWrites() {
        return db.read(c -> Counts.single(c, "SELECT COUNT(*) FROM label_history WHERE version IS NOT NULL"));
    }

    /** Each annotator's latest label per quote, by annotator then quote. */
    public List<AnnotatorLabel> latestByAnnotator() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT h.changed_by, h.quote_id, h.new_label, h.new_topic"
                    + " FROM label_history h WHERE h.id IN (SELECT MAX(id) FROM label_history"
                    + " GROUP BY quote_id, changed_by) ORDER BY h.changed_by, h.quote_id")) {
                try (ResultSet rs = ps.executeQuery()) {
                    List<AnnotatorLabel> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new AnnotatorLabel(rs.getString(1), rs.getLong(2), Jdbc.getInt(rs, "new_label"),
                                rs.getString(4)));
                    }
                    return out;
                }
            }
        });
    }
}
