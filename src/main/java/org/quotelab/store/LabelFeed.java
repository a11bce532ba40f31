package org.quotelab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.quotelab.domain.quote.CurrentLabel;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.LabelState;
import org.quotelab.domain.quote.LabelUpdates;
import org.quotelab.domain.quote.QuoteLabel;

/**
 * Which labels of a project changed after a history id, for views that follow other people's
 * edits. On a shared store history ids are handed out when a write starts, not when it commits,
 * so a slow transaction can commit an id below one already seen: the feed therefore reads again
 * from {@link #LOOKBACK} ids before the last one seen, and callers keep a row only when its
 * version is newer than the one they show.
 */
final class LabelFeed {
    /** How far back each read starts again; far more than the writes in flight at once. */
    static final long LOOKBACK = 500;
    /** The most quotes one read returns; the rest come with the next read. */
    static final int MAX_QUOTES = 2000;
    /** A label's version: its row's, or for an unlabelled quote its last change's. */
    static final String VERSION = "COALESCE(l.version, (SELECT MAX(h2.version) FROM label_history h2"
            + " WHERE h2.quote_id = q.id), 0)";

    private LabelFeed() {
    }

    /** Labels changed after {@code afterId}; a negative id asks only where the history stands now. */
    static LabelUpdates since(Connection c, long projectId, long afterId) throws SQLException {
        if (afterId < 0) {
            return new LabelUpdates(Counts.single(c, "SELECT COALESCE(MAX(id), 0) FROM label_history"), List.of());
        }
        List<Long> ids = new ArrayList<>();
        long last = afterId;
        try (PreparedStatement ps = c.prepareStatement("SELECT h.quote_id, MAX(h.id) AS last_id FROM label_history h"
                + " JOIN quotes q ON q.id = h.quote_id JOIN batches b ON b.id = q.batch_id"
                + " WHERE h.id > ? AND b.project_id = ? GROUP BY h.quote_id ORDER BY MAX(h.id)"
                + " FETCH FIRST ? ROWS ONLY")) {
            ps.setLong(1, Math.max(0, afterId - LOOKBACK));
            ps.setLong(2, projectId);
            ps.setInt(3, MAX_QUOTES);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    last = Math.max(last, rs.getLong(2));
                }
            }
        }
        return new LabelUpdates(last, ids.isEmpty() ? List.of() : states(c, ids));
    }

    private static List<LabelState> states(Connection c, List<Long> ids) throws SQLException {
        List<LabelState> out = new ArrayList<>(ids.size());
        try (PreparedStatement ps = c.prepareStatement("SELECT q.id, l.label, l.topic, l.source, l.updated_at,"
                + " l.updated_by, " + VERSION + " AS label_version FROM quotes q LEFT JOIN labels l ON l.quote_id = q.id"
                + " WHERE q.id = ANY(?) ORDER BY q.id")) {
            ps.setObject(1, ids.toArray(new Long[0]));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Integer label = Jdbc.getInt(rs, "label");
                    CurrentLabel current = label == null ? null : new CurrentLabel(id,
                            new QuoteLabel(label, rs.getString("topic")), LabelSource.valueOf(rs.getString("source")),
                            Jdbc.getInstant(rs, "updated_at"), rs.getString("updated_by"));
                    out.add(new LabelState(id, current, rs.getLong("label_version")));
                }
            }
        }
        return out;
    }
}
