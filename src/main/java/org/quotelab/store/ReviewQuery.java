package org.quotelab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.quotelab.domain.quote.AnnotatorFilter;
import org.quotelab.domain.quote.CurrentLabel;
import org.quotelab.domain.quote.LabelledBy;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteLabel;

/** Builds the parameterised SQL of a filtered, keyset-paged Review read; only fixed fragments are concatenated. */
final class ReviewQuery {
    /** Marks where the keyset parameter goes among the others. */
    private static final Object AFTER = new Object();

    private final QuoteFilter f;
    private final boolean count;
    private final long projectId;
    private final List<Object> params = new ArrayList<>();
    private final String sql;

    ReviewQuery(QuoteFilter filter, boolean count, long projectId) {
        this.f = filter;
        this.count = count;
        this.projectId = projectId;
        this.sql = build();
    }

    String sql() {
        return sql;
    }

    private String build() {
        boolean withPredictions = f.stage1VersionId() != null;
        if (f.needsPredictions() && !withPredictions) {
            throw new IllegalArgumentException("prediction filters need the stage-1 model version");
        }
        StringBuilder s = new StringBuilder("SELECT ");
        if (count) {
            s.append("COUNT(*)");
        } else {
            s.append(QuoteRepository.QUOTE_COLUMNS).append(", b.day_name,"
                    + " l.label, l.topic, l.source, l.updated_at, l.updated_by, ").append(LabelFeed.VERSION).append(" AS label_version");
            s.append(withPredictions ? ", p.quote_id AS p_quote, p.stage1_version_id, p.stage2_version_id, p.p_in_topic,"
                    + " p.topic_probs_json, p.predicted_label, p.predicted_topic, p.confidence, p.unfamiliar, p.unfamiliar_flag"
                    : ", NULL AS p_quote");
        }
        s.append(" FROM quotes q JOIN batches b ON b.id = q.batch_id LEFT JOIN labels l ON l.quote_id = q.id");
        if (withPredictions) {
            s.append(" LEFT JOIN predictions p ON p.quote_id = q.id AND p.stage1_version_id = ? AND p.stage2_version_id = ?");
            params.add(f.stage1VersionId());
            params.add(f.stage2VersionId() == null ? 0L : f.stage2VersionId());
        }
        // the ranked queues: unfamiliar by distance, label suspects by the model's confidence in its own class
        String rank = f.unfamiliarOnly() ? "unfamiliar" : f.suspectThresholds() != null ? "confidence" : null;
        boolean byUnfamiliar = rank != null && !count;
        if (byUnfamiliar) {
            // keyset on (rank DESC, id): rows after the last one shown, whose score is looked up
            String last = "(SELECT k." + rank + " FROM predictions k WHERE k.quote_id = ?"
                    + " AND k.stage1_version_id = ? AND k.stage2_version_id = ?)";
            s.append(" WHERE (? = 0 OR p.").append(rank).append(" < ").append(last)
                    .append(" OR (p.").append(rank).append(" = ").append(last).append(" AND q.id > ?))");
            Long s2 = f.stage2VersionId() == null ? 0L : f.stage2VersionId();
            params.addAll(List.of(AFTER, AFTER, f.stage1VersionId(), s2, AFTER, f.stage1VersionId(), s2, AFTER));
        } else {
            s.append(" WHERE q.id > ?");
            params.add(AFTER);
        }
        s.append(" AND b.project_id = ?");
        params.add(projectId);
        if (f.batchId() != null) {
            s.append(" AND q.batch_id = ?");
            params.add(f.batchId());
        }
        if (f.quoteIds() != null) {
            // one array parameter, however many ids: the statement text stays the same
            s.append(" AND q.id = ANY(?)");
            params.add(f.quoteIds().toArray(new Long[0]));
        }
        if (f.labelled() != null) {
            s.append(f.labelled() ? " AND l.quote_id IS NOT NULL" : " AND l.quote_id IS NULL");
        }
        AnnotatorFilter who = f.annotators();
        switch (who.labelledBy()) {
            case ME -> s.append(" AND l.quote_id IS NOT NULL AND l.updated_by = ?");
            case OTHERS -> s.append(" AND l.quote_id IS NOT NULL AND l.updated_by <> ?");
            case NOBODY -> s.append(" AND l.quote_id IS NULL");
            default -> { }
        }
        if (who.labelledBy() == LabelledBy.ME || who.labelledBy() == LabelledBy.OTHERS) {
            params.add(who.annotator());
        }
        if (who.assignedOnly()) {
            s.append(" AND EXISTS (SELECT 1 FROM batch_assignments ba WHERE ba.batch_id = q.batch_id"
                    + " AND ba.annotator = ?)");
            params.add(who.annotator());
        }
        if (f.validation() != null) {
            s.append(" AND q.is_validation = ?");
            params.add(f.validation());
        }
        if (f.predictedClass() != null) {
            if (QuoteFilter.OUT_OF_TOPIC.equals(f.predictedClass())) {
                s.append(" AND p.predicted_label = 0");
            } else {
                s.append(" AND p.predicted_label = 1 AND p.predicted_topic = ?");
                params.add(f.predictedClass());
            }
        }
        if (f.uncertainMargin() > 0) {
            s.append(" AND p.p_in_topic BETWEEN ? AND ?");
            params.add(f.threshold() - f.uncertainMargin());
            params.add(f.threshold() + f.uncertainMargin());
        }
        if (f.disagreementOnly()) {
            s.append(" AND l.quote_id IS NOT NULL AND p.quote_id IS NOT NULL AND (l.label <> p.predicted_label"
                    + " OR (l.label = 1 AND l.topic IS NOT NULL AND p.predicted_topic IS NOT NULL"
                    + " AND l.topic <> p.predicted_topic))");
        }
        if (f.unfamiliarOnly()) {
            s.append(" AND p.unfamiliar_flag = TRUE");
        }
        if (f.suspectThresholds() != null) {
            suspects(s);
        }
        if (!count) {
            s.append(byUnfamiliar ? " ORDER BY p." + rank + " DESC, q.id" : " ORDER BY q.id").append(" FETCH FIRST ? ROWS ONLY");
        }
        return s.toString();
    }

    /**
     * Label suspects: the label differs from the prediction, and the model is at least as sure of
     * its class as it is, on average, of that class on held-out quotes labelled with it (the
     * per-class thresholds of confident learning). A class without a threshold never counts.
     */
    private void suspects(StringBuilder s) {
        s.append(" AND l.quote_id IS NOT NULL AND p.quote_id IS NOT NULL AND (l.label <> p.predicted_label"
                + " OR (l.label = 1 AND l.topic IS NOT NULL AND p.predicted_topic IS NOT NULL"
                + " AND l.topic <> p.predicted_topic))");
        s.append(" AND p.confidence >= CASE WHEN p.predicted_label = 0 THEN CAST(? AS DOUBLE PRECISION)");
        params.add(f.suspectThresholds().getOrDefault(QuoteFilter.OUT_OF_TOPIC, 2.0));
        for (String topic : new java.util.TreeSet<>(f.suspectThresholds().keySet())) {
            if (!QuoteFilter.OUT_OF_TOPIC.equals(topic)) {
                s.append(" WHEN p.predicted_topic = ? THEN CAST(? AS DOUBLE PRECISION)");
                params.add(topic);
                params.add(f.suspectThresholds().get(topic));
            }
        }
        s.append(" ELSE 2.0 END");
    }

    void bind(PreparedStatement ps, long afterId, int limit) throws SQLException {
        int i = 1;
        for (Object p : params) {
            if (p == AFTER) {
                ps.setLong(i++, afterId);
            } else {
                ps.setObject(i++, p);
            }
        }
        if (!count) {
            ps.setInt(i, limit);
        }
    }

    static org.quotelab.domain.quote.QuoteRow mapRow(ResultSet rs) throws SQLException {
        var quote = QuoteRepository.map(rs);
        CurrentLabel label = null;
        Integer l = Jdbc.getInt(rs, "label");
        if (l != null) {
            label = new CurrentLabel(quote.id(), new QuoteLabel(l, rs.getString("topic")),
                    LabelSource.valueOf(rs.getString("source")), Jdbc.getInstant(rs, "updated_at"),
                    rs.getString("updated_by"));
        }
        Prediction prediction = null;
        if (rs.getObject("p_quote") != null) {
            prediction = PredictionRepository.map(rs);
        }
        return new org.quotelab.domain.quote.QuoteRow(quote, rs.getString("day_name"), label, prediction,
                rs.getLong("label_version"));
    }
}
