package org.quotelab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quotelab.domain.quote.CurrentLabel;
import org.quotelab.domain.quote.LabelChange;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.domain.quote.TopicCount;

/**
 * Current labels and their append-only history. Every edit writes the new label and its history
 * row in one transaction; undo applies the old value of a change as a new change.
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
        return db.read(c -> current(c, quoteId));
    }

    /**
     * Sets (or with {@code label} null, clears) the label of a quote.
     *
     * @return the history row written
     */
    public LabelChange set(long quoteId, QuoteLabel label, LabelSource source, String author) {
        return db.write(c -> apply(c, quoteId, label, source, author, null));
    }

    /** Sets many labels in one transaction, e.g. "accept all predictions on this page". */
    public List<LabelChange> setAll(Map<Long, QuoteLabel> labels, LabelSource source, String author) {
        return db.write(c -> {
            List<LabelChange> out = new ArrayList<>(labels.size());
            for (Map.Entry<Long, QuoteLabel> e : labels.entrySet()) {
                out.add(apply(c, e.getKey(), e.getValue(), source, author, null));
            }
            return out;
        });
    }

    /** Reverts one change by applying its old value; the revert is itself recorded. */
    public LabelChange undo(long changeId, String author) {
        return db.write(c -> {
            LabelChange change = change(c, changeId)
                    .orElseThrow(() -> new IllegalArgumentException("no label change " + changeId));
            return apply(c, change.quoteId(), change.oldLabel(), change.oldSource(), author, changeId);
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
                    return Optional.of(apply(c, quoteId, last.oldLabel(), last.oldSource(), author, id));
                }
            }
        });
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

    private static LabelChange apply(Connection c, long quoteId, QuoteLabel label, LabelSource source,
            String author, Long undoOf) throws SQLException {
        if (label != null && source == null) {
            throw new IllegalArgumentException("a label needs a source");
        }
        if (Counts.single(c, "SELECT COUNT(*) FROM quotes WHERE id = ?", quoteId) == 0) {
            throw new IllegalArgumentException("no quote " + quoteId);
        }
        Optional<CurrentLabel> before = current(c, quoteId);
        Instant now = Instant.now();
        if (label != null && label.topic() != null) {
            // a label on a topic the quote's project does not have yet adds it to that schema
            long project = Counts.single(c, "SELECT b.project_id FROM quotes q JOIN batches b ON b.id = q.batch_id"
                    + " WHERE q.id = ?", quoteId);
            SchemaTable.add(c, project, TopicTable.load(c), SchemaTable.keys(c, project), label.topic(), null);
        }
        String sql = before.isEmpty()
                ? "INSERT INTO labels (label, topic, source, updated_at, updated_by, quote_id) VALUES (?, ?, ?, ?, ?, ?)"
                : label == null ? "DELETE FROM labels WHERE quote_id = ?"
                : "UPDATE labels SET label = ?, topic = ?, source = ?, updated_at = ?, updated_by = ? WHERE quote_id = ?";
        if (label != null || before.isPresent()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (label == null) {
                    ps.setLong(1, quoteId);
                } else {
                    ps.setInt(1, label.label());
                    ps.setString(2, label.topic());
                    ps.setString(3, source.name());
                    Jdbc.setInstant(ps, 4, now);
                    ps.setString(5, author);
                    ps.setLong(6, quoteId);
                }
                ps.executeUpdate();
            }
        }
        QuoteLabel old = before.map(CurrentLabel::label).orElse(null);
        LabelSource oldSource = before.map(CurrentLabel::source).orElse(null);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO label_history (quote_id, old_label, old_topic,"
                + " old_source, new_label, new_topic, new_source, changed_at, changed_by, undo_of)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, quoteId);
            bindLabel(ps, 2, old, oldSource);
            bindLabel(ps, 5, label, label == null ? null : source);
            Jdbc.setInstant(ps, 8, now);
            ps.setString(9, author);
            Jdbc.setLong(ps, 10, undoOf);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new LabelChange(keys.getLong(1), quoteId, old, oldSource, label,
                        label == null ? null : source, now, author, undoOf);
            }
        }
    }

    private static void bindLabel(PreparedStatement ps, int at, QuoteLabel label, LabelSource source)
            throws SQLException {
        if (label == null) {
            ps.setNull(at, Types.SMALLINT);
            ps.setNull(at + 1, Types.VARCHAR);
            ps.setNull(at + 2, Types.VARCHAR);
        } else {
            ps.setInt(at, label.label());
            ps.setString(at + 1, label.topic());
            ps.setString(at + 2, source.name());
        }
    }

    private static Optional<CurrentLabel> current(Connection c, long quoteId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT label, topic, source, updated_at, updated_by FROM labels WHERE quote_id = ?")) {
            ps.setLong(1, quoteId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CurrentLabel(quoteId, new QuoteLabel(rs.getInt(1), rs.getString(2)),
                        LabelSource.valueOf(rs.getString(3)), Jdbc.getInstant(rs, "updated_at"), rs.getString(5)));
            }
        }
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
                Jdbc.getInstant(rs, "changed_at"), rs.getString("changed_by"), Jdbc.getLong(rs, "undo_of"));
    }
}
