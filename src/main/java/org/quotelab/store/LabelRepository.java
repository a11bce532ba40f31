package org.quotelab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.quotelab.domain.quote.CurrentLabel;
import org.quotelab.domain.quote.LabelChange;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.LabelState;
import org.quotelab.domain.quote.LabelUpdates;
import org.quotelab.domain.quote.LabelWrite;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.domain.quote.TopicCount;

/**
 * Current labels and their append-only history. Every edit writes the new label and its history
 * row in one transaction ({@link LabelWriter}); undo applies the old value of a change as a new
 * change. Labels carry a version: edits and undos made from what a user saw are checked against it.
 */
public final class LabelRepository {
    private final Database db;
    private final long projectId;
    private static final String OF_PROJECT = " JOIN quotes q ON q.id = x.quote_id JOIN batches b ON b.id = q.batch_id"
            + " WHERE b.project_id = ?";

    LabelRepository(Database db, long projectId) {
        this.db = db;
        this.projectId = projectId;
    }

    public Optional<CurrentLabel> current(long quoteId) {
        return db.read(c -> LabelWriter.current(c, quoteId));
    }

    /**
     * Sets (or with {@code label} null, clears) the label of a quote, whatever its version: for
     * bulk writes and tools that do not show the label first.
     *
     * @return the history row written
     */
    public LabelChange set(long quoteId, QuoteLabel label, LabelSource source, String author) {
        return db.write(c -> LabelWriter.write(c, quoteId, label, source, author, null, null).saved());
    }

    /**
     * Sets (or clears) the label of a quote if it still has {@code expectedVersion}, the version its
     * writer read; otherwise writes nothing and returns the conflict (optimistic locking).
     */
    public LabelWrite set(long quoteId, QuoteLabel label, LabelSource source, String author, long expectedVersion) {
        return db.write(c -> LabelWriter.write(c, quoteId, label, source, author, expectedVersion, null));
    }

    /** Sets many labels in one transaction, e.g. "accept all predictions on this page". */
    public List<LabelChange> setAll(Map<Long, QuoteLabel> labels, LabelSource source, String author) {
        return db.write(c -> {
            List<LabelChange> out = new ArrayList<>(labels.size());
            // quote rows are locked in id order, so two bulk writes on a shared store cannot deadlock
            for (Map.Entry<Long, QuoteLabel> e : new TreeMap<>(labels).entrySet()) {
                out.add(LabelWriter.write(c, e.getKey(), e.getValue(), source, author, null, null).saved());
            }
            return out;
        });
    }

    /**
     * Reverts one change by applying its old value; the revert is itself recorded. It goes through
     * the same check as an edit: when someone other than {@code author} changed the label since
     * that change, nothing is written and the conflict is returned. The author's own later changes
     * (undoing several edits in a row) do not stand in the way.
     */
    public LabelWrite undo(long changeId, String author) {
        return db.write(c -> {
            LabelChange change = change(c, changeId)
                    .orElseThrow(() -> new IllegalArgumentException("no label change " + changeId));
            LabelWriter.lockQuote(c, change.quoteId());
            boolean othersSince = Counts.single(c, "SELECT COUNT(*) FROM label_history WHERE quote_id = ? AND id > ?"
                    + " AND changed_by <> ?", change.quoteId(), changeId, author) > 0;
            // no version is -1: with others' changes since, the write reports their label instead
            return LabelWriter.write(c, change.quoteId(), change.oldLabel(), change.oldSource(), author,
                    othersSince ? Long.valueOf(-1) : null, changeId);
        });
    }

    /** Reverts the latest change of a quote, if it has any. */
    public Optional<LabelChange> undoLast(long quoteId, String author) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MAX(id) FROM label_history WHERE quote_id = ?")) {
                ps.setLong(1, quoteId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long id = rs.getLong(1);
                    if (rs.wasNull()) {
                        return Optional.empty();
                    }
                    LabelChange last = change(c, id).orElseThrow();
                    return Optional.of(LabelWriter.write(c, quoteId, last.oldLabel(), last.oldSource(), author,
                            null, id).saved());
                }
            }
        });
    }

    /** The label of a quote now, with its version. */
    public LabelState state(long quoteId) {
        return db.read(c -> LabelWriter.state(c, quoteId));
    }

    /** Labels of this project changed after history id {@code afterId}, as they are now. */
    public LabelUpdates changedSince(long afterId) {
        return db.read(c -> LabelFeed.since(c, projectId, afterId));
    }

    /** The history of a quote, oldest first. */
    public List<LabelChange> history(long quoteId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM label_history WHERE quote_id = ? ORDER BY id")) {
                ps.setLong(1, quoteId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<LabelChange> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(mapChange(rs));
                    }
                    return out;
                }
            }
        });
    }

    /**
     * This project's topics in schema order (ordinal = schema position), with how many of the
     * project's quotes carry each. The schema's names and keys come from {@link SchemaRepository}.
     */
    public List<TopicCount> topics() {
        new SchemaRepository(db, projectId).schema(); // gives topics added by labels their position first
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.position, s.topic_key,"
                    + " (SELECT COUNT(*) FROM labels x" + OF_PROJECT + " AND x.topic = s.topic_key)"
                    + " FROM topic_schema s WHERE s.project_id = ? ORDER BY s.position")) {
                ps.setLong(1, projectId);
                ps.setLong(2, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<TopicCount> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new TopicCount(rs.getInt(1), rs.getString(2), rs.getLong(3)));
                    }
                    return out;
                }
            }
        });
    }

    public long countLabelled() {
        return db.read(c -> Counts.single(c, "SELECT COUNT(*) FROM labels x" + OF_PROJECT, projectId));
    }

    public long countHistory() {
        return db.read(c -> Counts.single(c, "SELECT COUNT(*) FROM label_history x" + OF_PROJECT, projectId));
    }

    private static Optional<LabelChange> change(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM label_history WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapChange(rs)) : Optional.empty();
            }
        }
    }

    private static LabelChange mapChange(ResultSet rs) throws SQLException {
        Integer oldL = Jdbc.getInt(rs, "old_label");
        Integer newL = Jdbc.getInt(rs, "new_label");
        String oldS = rs.getString("old_source");
        String newS = rs.getString("new_source");
        return new LabelChange(rs.getLong("id"), rs.getLong("quote_id"),
                oldL == null ? null : new QuoteLabel(oldL, rs.getString("old_topic")),
                oldS == null ? null : LabelSource.valueOf(oldS),
                newL == null ? null : new QuoteLabel(newL, rs.getString("new_topic")),
                newS == null ? null : LabelSource.valueOf(newS),
                Jdbc.getInstant(rs, "changed_at"), rs.getString("changed_by"), Jdbc.getLong(rs, "undo_of"),
                Jdbc.getLong(rs, "base_version"), Jdbc.getLong(rs, "version"));
    }
}
