package org.quotelab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quotelab.domain.agreement.LatestLabels;
import org.quotelab.domain.agreement.Rating;
import org.quotelab.domain.quote.LabelChange;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteLabel;

/**
 * Each annotator's latest label of each quote, from the label history ({@code changed_by}), with
 * undone changes taken back ({@link LatestLabels}). Imported labels have no history and no
 * annotator, so they never count. One pass over the project's (or one batch's) history in quote
 * order; nothing else is stored, so the figures always match the history.
 */
public final class AnnotatorLabels {
    private final Database db;
    private final long projectId;

    AnnotatorLabels(Database db, long projectId) {
        this.db = db;
        this.projectId = projectId;
    }

    /** The latest label per (quote, annotator) of this project, or of batch {@code batchId} (null = all batches). */
    public List<Rating> latest(Long batchId) {
        String sql = "SELECT h.id, h.quote_id, q.batch_id, h.new_label, h.new_topic, h.new_source, h.changed_at,"
                + " h.changed_by, h.undo_of FROM label_history h JOIN quotes q ON q.id = h.quote_id"
                + " JOIN batches b ON b.id = q.batch_id WHERE b.project_id = ?"
                + (batchId == null ? "" : " AND q.batch_id = ?") + " ORDER BY h.quote_id, h.id";
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, projectId);
                if (batchId != null) {
                    ps.setLong(2, batchId);
                }
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Rating> out = new ArrayList<>();
                    List<LabelChange> quote = new ArrayList<>();
                    long quoteId = -1;
                    long batch = -1;
                    while (rs.next()) {
                        if (rs.getLong("quote_id") != quoteId) {
                            add(out, quote, batch);
                            quoteId = rs.getLong("quote_id");
                            batch = rs.getLong("batch_id");
                        }
                        quote.add(change(rs));
                    }
                    add(out, quote, batch);
                    return out;
                }
            }
        });
    }

    /**
     * The quotes of batch {@code batchId} (null = of the project) whose annotators' latest labels
     * differ: Review's "annotators disagree" queue.
     */
    public Set<Long> disagreeing(Long batchId) {
        Map<Long, Set<String>> values = new java.util.HashMap<>();
        for (Rating r : latest(batchId)) {
            values.computeIfAbsent(r.quoteId(), q -> new HashSet<>()).add(r.value());
        }
        Set<Long> out = new HashSet<>();
        values.forEach((q, v) -> {
            if (v.size() > 1) {
                out.add(q);
            }
        });
        return out;
    }

    /**
     * {@code filter} with its annotators-disagree switch turned into the quote ids it stands for
     * (intersected with any ids it already names), so the Review query needs no rule of its own.
     */
    QuoteFilter resolve(QuoteFilter filter) {
        if (!filter.annotatorsDisagree()) {
            return filter;
        }
        Set<Long> ids = disagreeing(filter.batchId());
        Collection<Long> kept = filter.quoteIds() == null ? ids
                : filter.quoteIds().stream().filter(ids::contains).toList();
        return filter.withQuoteIds(kept.stream().sorted().toList());
    }

    private static void add(List<Rating> out, List<LabelChange> quote, long batch) {
        if (quote.isEmpty()) {
            return;
        }
        for (Map.Entry<String, QuoteLabel> e : LatestLabels.of(quote).entrySet()) {
            out.add(new Rating(quote.get(0).quoteId(), batch, e.getKey(), e.getValue()));
        }
        quote.clear();
    }

    private static LabelChange change(ResultSet rs) throws SQLException {
        Integer label = Jdbc.getInt(rs, "new_label");
        String source = rs.getString("new_source");
        return new LabelChange(rs.getLong("id"), rs.getLong("quote_id"), null, null,
                label == null ? null : new QuoteLabel(label, rs.getString("new_topic")),
                source == null ? null : LabelSource.valueOf(source), Jdbc.getInstant(rs, "changed_at"),
                rs.getString("changed_by"), Jdbc.getLong(rs, "undo_of"), null, null);
    }
}
