package org.quotelab.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;

/**
 * The benchmark's baseline: H2's own CSVREAD loading a seed-format file into the same quotes and
 * labels tables in one transaction, without the importer's row validation or messages. Used only by
 * {@code quotelab bench import}.
 */
public final class CsvReadBaseline {
    private final Database db;

    public CsvReadBaseline(Database db) {
        this.db = db;
    }

    /** Rows loaded, and the seconds the quotes statement alone took (before the labels pass). */
    public record Timing(long rows, double quotesSeconds) {
    }

    /**
     * Loads {@code csv}. The topic set is registered first, then {@code startClock} runs, then the
     * timed part: quotes in one statement, labels in a second pass over the file (plain SQL cannot
     * fill two tables from one CSVREAD), all in one transaction.
     */
    public Timing load(Path csv, Runnable startClock) {
        String file = csv.toAbsolutePath().toString();
        // H2 resolves CSVREAD's columns when preparing, so the file name must be a literal (quotes doubled)
        String read = "CSVREAD('" + file.replace("'", "''") + "', NULL, 'charset=UTF-8 caseSensitiveColumnNames=true')";
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO topics (ordinal, name) SELECT ROWNUM(), t FROM"
                    + " (SELECT DISTINCT \"topic_id\" AS t FROM " + read + " WHERE \"topic_id\" NOT IN ('', '0')"
                    + " ORDER BY t)")) {
                ps.executeUpdate();
            }
            return null;
        });
        startClock.run();
        long t0 = System.nanoTime();
        return db.write(c -> {
            Instant now = Instant.now();
            var batch = BatchRepository.insert(c,
                    Counts.single(c, "SELECT MIN(id) FROM projects"), csv.getFileName().toString(), "0".repeat(64), "", "bench", now);
            long rows;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO quotes (batch_id, external_id, quote_text,"
                    + " country_id, country_name, product_id, product_category, review_id, review_text, is_validation,"
                    + " source_line) SELECT ?, \"quote_id\", COALESCE(NULLIF(\"processed_text\", ''), \"quote_text\"),"
                    + " NULLIF(\"country_id\", ''), NULLIF(\"country_name\", ''), NULLIF(\"product_id\", ''),"
                    + " NULLIF(\"product_category\", ''), NULLIF(\"review_id\", ''), NULLIF(\"review_text\", ''),"
                    + " FALSE, ROWNUM() + 1 FROM " + read)) {
                ps.setLong(1, batch.id());
                rows = ps.executeUpdate();
            }
            double quotesSeconds = (System.nanoTime() - t0) / 1e9;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO labels (quote_id, label, topic, source,"
                    + " updated_at, updated_by) SELECT q.id, CAST(r.\"label\" AS SMALLINT),"
                    + " NULLIF(NULLIF(r.\"topic_id\", ''), '0'), 'IMPORTED', ?, 'bench' FROM " + read + " r"
                    + " JOIN quotes q ON q.batch_id = ? AND q.external_id = r.\"quote_id\" WHERE r.\"label\" <> ''")) {
                Jdbc.setInstant(ps, 1, now);
                ps.setLong(2, batch.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE batches SET row_count = ? WHERE id = ?")) {
                ps.setLong(1, rows);
                ps.setLong(2, batch.id());
                ps.executeUpdate();
            }
            return new Timing(rows, quotesSeconds);
        });
    }

}
