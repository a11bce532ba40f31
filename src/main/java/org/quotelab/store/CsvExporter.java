package org.quotelab.store;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quotelab.domain.imports.ExportFormat;

/**
 * Writes one project's labels or predictions as CSV (importable again: same column names as an import) or JSONL,
 * reading the store in keyset pages so any size exports in constant memory. The file appears
 * only when complete (written to a temporary sibling, then moved).
 */
public final class CsvExporter {
    static final List<String> LABEL_COLUMNS = List.of("quote_id", "quote_text", "label", "topic", "topic_name",
            "group",
            "country_id", "country_name", "product_id", "product_category", "review_id", "review_text",
            "label_source");
    // the topic's id and its name in the project's schema travel together, so the file re-imports
    // with the same ids and names the topics in any other tool
    private static final String LABEL_SQL = "SELECT q.id, q.external_id AS quote_id, q.quote_text, l.label, l.topic,"
            + " s.display_name AS topic_name,"
            + " b.day_name AS \"group\", q.country_id, q.country_name, q.product_id, q.product_category, q.review_id,"
            + " q.review_text, l.source AS label_source FROM quotes q JOIN batches b ON b.id = q.batch_id"
            + " LEFT JOIN labels l ON l.quote_id = q.id"
            + " LEFT JOIN topic_schema s ON s.project_id = b.project_id AND s.topic_key = l.topic"
            + " WHERE q.id > ? AND b.project_id = ? %s ORDER BY q.id FETCH FIRST ? ROWS ONLY";
    private static final String PREDICTION_SQL = "SELECT p.quote_id AS id, q.external_id AS quote_id,"
            + " p.stage1_version_id, NULLIF(p.stage2_version_id, 0) AS stage2_version_id, p.p_in_topic,"
            + " p.predicted_label, p.predicted_topic, s.display_name AS predicted_topic_name, p.confidence,"
            + " p.topic_probs_json AS topic_probabilities,"
            + " p.unfamiliar, CASE WHEN p.unfamiliar_flag THEN 1 WHEN NOT p.unfamiliar_flag THEN 0 END AS unfamiliar_flag"
            + " FROM predictions p JOIN quotes q ON q.id = p.quote_id JOIN batches b ON b.id = q.batch_id"
            + " LEFT JOIN topic_schema s ON s.project_id = b.project_id AND s.topic_key = p.predicted_topic"
            + " WHERE p.quote_id > ?"
            + " AND p.stage1_version_id = ? AND p.stage2_version_id = ? ORDER BY p.quote_id FETCH FIRST ? ROWS ONLY";
    private static final int PAGE = 5_000;

    private final Database db;
    private final long projectId;

    CsvExporter(Database db, long projectId) {
        this.db = db;
        this.projectId = projectId;
    }

    /** Every quote with its current label (empty when unlabelled), or only labelled quotes. Returns rows written. */
    public long exportLabels(Path out, ExportFormat format, boolean labelledOnly) {
        String sql = String.format(LABEL_SQL, labelledOnly ? "AND l.quote_id IS NOT NULL" : "");
        return export(out, format, sql, new Object[] {projectId});
    }

    /** The predictions of one pair of versions ({@code stage2VersionId} null = stage 1 only). */
    public long exportPredictions(Path out, ExportFormat format, long stage1VersionId, Long stage2VersionId) {
        return export(out, format, PREDICTION_SQL,
                new Object[] {stage1VersionId, stage2VersionId == null ? 0L : stage2VersionId});
    }

    private long export(Path out, ExportFormat format, String sql, Object[] params) {
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try {
            long n;
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
                RowSink sink = format == ExportFormat.CSV ? new CsvSink(w) : new JsonSink(w);
                n = copy(sql, params, sink);
                sink.close();
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // best effort: a stale .part file is harmless
            }
        }
    }

    private long copy(String sql, Object[] params, RowSink sink) {
        long written = 0;
        long after = 0;
        while (true) {
            long last = after;
            int rows = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, last);
                    for (int i = 0; i < params.length; i++) {
                        ps.setObject(2 + i, params[i]);
                    }
                    ps.setInt(2 + params.length, PAGE);
                    try (ResultSet rs = ps.executeQuery()) {
                        int n = 0;
                        ResultSetMetaData md = rs.getMetaData();
                        while (rs.next()) {
                            sink.row(rs, md);
                            n++;
                            sink.lastId = rs.getLong("id");
                        }
                        return n;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            written += rows;
            if (rows < PAGE) {
                return written;
            }
            after = sink.lastId;
        }
    }

    /** Writes rows of a result set, skipping its first column (the internal id used for paging). */
    private abstract static class RowSink {
        long lastId;

        abstract void row(ResultSet rs, ResultSetMetaData md) throws IOException, java.sql.SQLException;

        abstract void close() throws IOException;
    }

    private static final class CsvSink extends RowSink {
        private final Writer w;
        private CSVPrinter printer;

        CsvSink(Writer w) {
            this.w = w;
        }

        @Override
        void row(ResultSet rs, ResultSetMetaData md) throws IOException, java.sql.SQLException {
            if (printer == null) {
                String[] header = new String[md.getColumnCount() - 1];
                for (int i = 0; i < header.length; i++) {
                    header[i] = md.getColumnLabel(i + 2).toLowerCase(java.util.Locale.ROOT);
                }
                printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                        .setHeader(header).get());
            }
            for (int i = 2; i <= md.getColumnCount(); i++) {
                Object v = rs.getObject(i);
                printer.print(v == null ? "" : v);
            }
            printer.println();
        }

        @Override
        void close() throws IOException {
            if (printer != null) {
                printer.flush();
            }
        }
    }

    private static final class JsonSink extends RowSink {
        private final JsonGenerator g;

        JsonSink(Writer w) throws IOException {
            g = Json.MAPPER.getFactory().createGenerator(w);
            g.setRootValueSeparator(null); // one object per line, no separator before it
        }

        @Override
        void row(ResultSet rs, ResultSetMetaData md) throws IOException, java.sql.SQLException {
            g.writeStartObject();
            for (int i = 2; i <= md.getColumnCount(); i++) {
                String name = md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                Object v = rs.getObject(i);
                if (v == null) {
                    g.writeNullField(name);
                } else if ("topic_probabilities".equals(name)) {
                    g.writeFieldName(name);
                    g.writeRawValue(v.toString()); // already JSON
                } else if (v instanceof Number num) {
                    g.writeFieldName(name);
                    g.writeNumber(num.toString());
                } else {
                    g.writeStringField(name, v.toString());
                }
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }

        @Override
        void close() throws IOException {
            g.flush();
        }
    }
}
