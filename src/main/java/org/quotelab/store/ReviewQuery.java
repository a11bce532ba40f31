package org.quotelab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.quotelab.domain.quote.CurrentLabel;
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
        boolean byUnfamiliar = f.unfamiliarOnly() && !count;
        if (byUnfamiliar) {
            // keyset on (unfamiliar DESC, id): rows after the last one shown, whose score is looked up
            String last = "(SELECT k.unfamiliar FROM predictions k WHERE k.quote_id = ?"
                    + " AND k.stage1_version_id = ? AND k.stage2_version_id = ?)";
            s.append(" WHERE (? = 0 OR p.unfamiliar < ").append(last)
                    .append(" OR (p.unfamiliar = ").append(last).append(" AND q.id > ?))");
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
        if (!count) {
            s.append(byUnfamiliar ? " ORDER BY p.unfamiliar DESC, q.id" : " ORDER BY q.id").append(" FETCH FIRST ? ROWS ONLY");
        }
        return s.toString();
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
