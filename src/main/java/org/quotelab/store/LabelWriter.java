package org.quotelab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import org.quotelab.domain.quote.CurrentLabel;
import org.quotelab.domain.quote.LabelChange;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.LabelState;
import org.quotelab.domain.quote.LabelWrite;
import org.quotelab.domain.quote.QuoteLabel;

/**
 * The one write path of a label: checks the version the writer saw, writes the label and its
 * history row, inside the caller's transaction. The quote's row is locked first (SELECT ... FOR
 * UPDATE), so writers of one quote from any number of processes take turns and each sees the
 * version the previous one left: a second writer with the same expected version gets a conflict
 * instead of overwriting. The quote row always exists, unlike the labels row (clearing a label
 * deletes it), so inserts after a clear are serialised the same way.
 */
final class LabelWriter {

    private LabelWriter() {
    }

    /**
     * Writes {@code label} (null clears it) unless {@code expected} is given and differs from the
     * label's version; {@code undoOf} marks an undo.
     */
    static LabelWrite write(Connection c, long quoteId, QuoteLabel label, LabelSource source, String author,
            Long expected, Long undoOf) throws SQLException {
        if (label != null && source == null) {
            throw new IllegalArgumentException("a label needs a source");
        }
        lockQuote(c, quoteId);
        LabelState before = state(c, quoteId);
        if (expected != null && expected != before.version()) {
            return conflict(c, before, label);
        }
        long version = before.version() + 1;
        Instant now = Instant.now();
        if (label != null && label.topic() != null && Counts.single(c, "SELECT COUNT(*) FROM quotes q"
                + " JOIN batches b ON b.id = q.batch_id JOIN topic_schema s ON s.project_id = b.project_id"
                + " AND s.topic_key = ? WHERE q.id = ?", label.topic(), quoteId) == 0) {
            // a label on a topic the quote's project does not have yet adds it to that schema
            long project = Counts.single(c, "SELECT b.project_id FROM quotes q JOIN batches b ON b.id = q.batch_id"
                    + " WHERE q.id = ?", quoteId);
            SchemaTable.add(c, project, TopicTable.load(c), SchemaTable.keys(c, project), label.topic(), null);
        }
        CurrentLabel old = before.label();
        if (label != null || old != null) {
            String sql = old == null
                    ? "INSERT INTO labels (label, topic, source, updated_at, updated_by, version, quote_id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                    : label == null ? "DELETE FROM labels WHERE quote_id = ? AND version = ?"
                    : "UPDATE labels SET label = ?, topic = ?, source = ?, updated_at = ?, updated_by = ?,"
                            + " version = ? WHERE quote_id = ? AND version = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (label == null) {
                    ps.setLong(1, quoteId);
                    ps.setLong(2, before.version());
                } else {
                    ps.setInt(1, label.label());
                    ps.setString(2, label.topic());
                    ps.setString(3, source.name());
                    Jdbc.setInstant(ps, 4, now);
                    ps.setString(5, author);
                    ps.setLong(6, version);
                    ps.setLong(7, quoteId);
                    if (old != null) {
                        ps.setLong(8, before.version());
                    }
                }
                if (ps.executeUpdate() != 1) {
                    // cannot happen while the quote row is locked; refuse rather than guess
                    throw new StoreException("the label of quote " + quoteId + " changed during its write", null);
                }
            }
        }
        QuoteLabel oldLabel = old == null ? null : old.label();
        LabelSource oldSource = old == null ? null : old.source();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO label_history (quote_id, old_label, old_topic,"
                + " old_source, new_label, new_topic, new_source, changed_at, changed_by, undo_of, base_version, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, quoteId);
            bindLabel(ps, 2, oldLabel, oldSource);
            bindLabel(ps, 5, label, label == null ? null : source);
            Jdbc.setInstant(ps, 8, now);
            ps.setString(9, author);
            Jdbc.setLong(ps, 10, undoOf);
            // the version the writer saw, not the one found: a write accepted against a stale
            // version would then show in the history (LabelAudit) instead of hiding there
            ps.setLong(11, expected != null ? expected : before.version());
            ps.setLong(12, version);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new LabelWrite.Saved(new LabelChange(keys.getLong(1), quoteId, oldLabel, oldSource, label,
                        label == null ? null : source, now, author, undoOf,
                        expected != null ? expected : before.version(), version));
            }
        }
    }

    static void lockQuote(Connection c, long quoteId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM quotes WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, quoteId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no quote " + quoteId);
                }
            }
        }
    }

    /** The label and version of a quote; an unlabelled quote has the version of its last change. */
    static LabelState state(Connection c, long quoteId) throws SQLException {
        Optional<CurrentLabel> current = current(c, quoteId);
        if (current.isPresent()) {
            return new LabelState(quoteId, current.get(), version(c, quoteId));
        }
        return new LabelState(quoteId, null, Counts.single(c,
                "SELECT COALESCE(MAX(version), 0) FROM label_history WHERE quote_id = ?", quoteId));
    }

    private static long version(Connection c, long quoteId) throws SQLException {
        return Counts.single(c, "SELECT version FROM labels WHERE quote_id = ?", quoteId);
    }

    static Optional<CurrentLabel> current(Connection c, long quoteId) throws SQLException {
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

    /** What the writer is told: the label now, who set it and when (for a cleared one: who cleared it). */
    private static LabelWrite.Conflict conflict(Connection c, LabelState now, QuoteLabel mine) throws SQLException {
        CurrentLabel theirs = now.label();
        if (theirs != null) {
            return new LabelWrite.Conflict(now.quoteId(), mine, theirs.label(), theirs.source(), theirs.updatedBy(),
                    theirs.updatedAt(), now.version());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT changed_by, changed_at FROM label_history"
                + " WHERE quote_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
            ps.setLong(1, now.quoteId());
            try (ResultSet rs = ps.executeQuery()) {
                boolean any = rs.next();
                return new LabelWrite.Conflict(now.quoteId(), mine, null, null, any ? rs.getString(1) : null,
                        any ? Jdbc.getInstant(rs, "changed_at") : null, now.version());
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
}
