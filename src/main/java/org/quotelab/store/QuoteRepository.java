package org.quotelab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteMetadata;
import org.quotelab.domain.quote.QuoteRow;

/**
 * Reads quotes. Every listing is keyset-paged on the stable id ({@code id > after ORDER BY id}),
 * so page 10,000 costs the same as page 1 and nothing loads the whole table.
 */
public final class QuoteRepository {
    static final String QUOTE_COLUMNS = "q.id, q.batch_id, q.external_id, q.quote_text, q.country_id,"
            + " q.country_name, q.product_id, q.product_category, q.review_id, q.review_text, q.is_validation,"
            + " q.original_text";

    private final Database db;
    private final long projectId;

    QuoteRepository(Database db, long projectId) {
        this.db = db;
        this.projectId = projectId;
    }

    public Optional<Quote> find(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + QUOTE_COLUMNS + " FROM quotes q WHERE q.id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Quotes in id order; {@code batchId} null = all batches; start with {@code afterId} = 0. */
    public Page<Quote> page(Long batchId, long afterId, int limit) {
        Jdbc.checkLimit(limit);
        String sql = "SELECT " + QUOTE_COLUMNS + " FROM quotes q JOIN batches b ON b.id = q.batch_id"
                + " WHERE q.id > ? AND b.project_id = ?"
                + (batchId == null ? "" : " AND q.batch_id = ?") + " ORDER BY q.id FETCH FIRST ? ROWS ONLY";
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setLong(i++, afterId);
                ps.setLong(i++, projectId);
                if (batchId != null) {
                    ps.setLong(i++, batchId);
                }
                ps.setInt(i, limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Quote> out = new ArrayList<>(Math.min(limit, 1024));
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                    return page(out, limit, Quote::id);
                }
            }
        });
    }

    /** The Review table: quotes with label and prediction, filtered, in id order. */
    public Page<QuoteRow> review(QuoteFilter filter, long afterId, int limit) {
        Jdbc.checkLimit(limit);
        ReviewQuery q = new ReviewQuery(new AnnotatorLabels(db, projectId).resolve(filter), false, projectId);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(q.sql())) {
                q.bind(ps, afterId, limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    List<QuoteRow> out = new ArrayList<>(Math.min(limit, 1024));
                    while (rs.next()) {
                        out.add(ReviewQuery.mapRow(rs));
                    }
                    return page(out, limit, r -> r.quote().id());
                }
            }
        });
    }

    /** How many quotes match; a full scan of the matching rows, so call it off the UI thread. */
    public long count(QuoteFilter filter) {
        ReviewQuery q = new ReviewQuery(new AnnotatorLabels(db, projectId).resolve(filter), true, projectId);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(q.sql())) {
                q.bind(ps, 0, -1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Streams the ids of every matching quote in id order, page by page (e.g. to draw rehearsal samples). */
    public void forEachId(QuoteFilter filter, LongConsumer consumer) {
        long after = 0;
        while (true) {
            Page<QuoteRow> p = review(filter, after, 10_000);
            for (QuoteRow r : p.items()) {
                consumer.accept(r.quote().id());
            }
            if (!p.hasMore()) {
                return;
            }
            after = p.nextAfterId();
        }
    }

    /** Quotes by id, in id order; unknown ids are skipped. */
    public List<Quote> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read(c -> {
            // one array parameter keeps the statement text constant whatever the number of ids
            try (PreparedStatement ps = c.prepareStatement("SELECT " + QUOTE_COLUMNS
                    + " FROM quotes q WHERE q.id = ANY(?) ORDER BY q.id")) {
                ps.setArray(1, c.createArrayOf("BIGINT", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    List<Quote> out = new ArrayList<>(ids.size());
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                    return out;
                }
            }
        });
    }

    public long count() {
        return db.read(c -> Counts.single(c, "SELECT COUNT(*) FROM quotes q JOIN batches b ON b.id = q.batch_id"
                + " WHERE b.project_id = ?", projectId));
    }

    static Quote map(ResultSet rs) throws SQLException {
        QuoteMetadata meta = new QuoteMetadata(rs.getString("country_id"), rs.getString("country_name"),
                rs.getString("product_id"), rs.getString("product_category"), rs.getString("review_id"),
                rs.getString("review_text"));
        return new Quote(rs.getLong("id"), rs.getLong("batch_id"), rs.getString("external_id"),
                rs.getString("quote_text"), meta, rs.getBoolean("is_validation"), rs.getString("original_text"));
    }

    private static <T> Page<T> page(List<T> rows, int limit, java.util.function.ToLongFunction<T> id) {
        if (rows.size() > limit) {
            rows.remove(rows.size() - 1);
            return new Page<>(rows, id.applyAsLong(rows.get(rows.size() - 1)));
        }
        return new Page<>(rows, -1);
    }
}
