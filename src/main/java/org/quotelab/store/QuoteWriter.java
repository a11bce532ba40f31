package org.quotelab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.quotelab.domain.imports.UnknownTopicsException;
import org.quotelab.domain.project.NaturalOrder;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.imports.ImportError;
import org.quotelab.domain.imports.ImportException;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.ValidationSplit;

/**
 * The insert side of an import: batches, quotes and imported labels through prepared-statement
 * batches on the import's transaction. Quote ids are assigned here from MAX(id): safe because the
 * import holds the store's single write lock and, on a shared PostgreSQL store, locks the tables it
 * numbers against other processes' imports.
 */
final class QuoteWriter implements AutoCloseable {
    private static final int JDBC_BATCH = 2_000;

    private final Connection c;
    private final String file;
    private final ImportOptions options;
    private final Instant now = Instant.now();
    private final PreparedStatement quotes;
    private final PreparedStatement labels;
    private final Map<String, Integer> topics;
    private final long projectId;
    private final Set<String> schema;
    /** A project without topics takes a file's topics as its schema; one with topics asks first. */
    private final boolean refuseUnknown;
    private final Map<String, Long> unknown = new TreeMap<>(NaturalOrder.INSTANCE);
    private final Map<String, int[]> rowsPerBatch = new LinkedHashMap<>();
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final IdIndex seen = new IdIndex();
    private long nextId;
    private long firstBatchId = -1;
    private long rows;
    private long labelled;
    private int pending;

    QuoteWriter(Connection c, long projectId, String file, ImportOptions options) throws SQLException {
        this.c = c;
        this.projectId = projectId;
        this.file = file;
        this.options = options;
        Dialect.of(c).lockForAppend(c, "batches, topics, topic_schema, quotes");
        this.schema = SchemaTable.keys(c, projectId);
        this.refuseUnknown = !options.addTopics() && !schema.isEmpty();
        for (Map.Entry<String, String> e : options.topicMap().entrySet()) {
            if (!schema.contains(e.getValue())) {
                throw new ImportException(new ImportError(file, 0, null, "topic " + e.getKey() + " is mapped onto "
                        + e.getValue() + ", which is not a topic of this project; nothing was stored"));
            }
        }
        this.nextId = Counts.single(c, "SELECT COALESCE(MAX(id), 0) + 1 FROM quotes");
        this.topics = TopicTable.load(c);
        this.quotes = c.prepareStatement("INSERT INTO quotes (id, batch_id, external_id, quote_text, country_id,"
                + " country_name, product_id, product_category, review_id, review_text, is_validation, source_line,"
                + " original_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.labels = c.prepareStatement("INSERT INTO labels (quote_id, label, topic, source, updated_at, updated_by)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
    }

    void add(RowValidator row, long line) throws SQLException {
        long earlier = seen.putIfAbsent(row.externalId, line);
        if (earlier >= 0) {
            checkDuplicate(row.externalId, line);
        }
        Batch batch = batchFor(row.group);
        long id = nextId++;
        quotes.setLong(1, id);
        quotes.setLong(2, batch.id());
        quotes.setString(3, row.externalId);
        quotes.setString(4, row.text);
        for (int k = 0; k < 6; k++) {
            if (row.meta[k] == null) {
                quotes.setNull(5 + k, Types.VARCHAR);
            } else {
                quotes.setString(5 + k, row.meta[k]);
            }
        }
        quotes.setBoolean(11, ValidationSplit.isValidation(row.externalId));
        quotes.setLong(12, line);
        if (row.originalText == null) {
            quotes.setNull(13, Types.VARCHAR);
        } else {
            quotes.setString(13, row.originalText);
        }
        quotes.addBatch();
        String topic = row.topic == null ? null : options.topicMap().getOrDefault(row.topic, row.topic);
        boolean refused = false;
        if (row.label != null && topic != null && !schema.contains(topic)) {
            if (refuseUnknown) {
                // read on to list every unknown topic; the file is refused at the end
                unknown.merge(topic, 1L, Long::sum);
                refused = true;
            } else {
                SchemaTable.add(c, projectId, topics, schema, topic, row.topicName);
            }
        }
        row.topic = topic;
        if (row.label != null && !refused) {
            labels.setLong(1, id);
            labels.setInt(2, row.label);
            labels.setString(3, row.topic);
            labels.setString(4, LabelSource.IMPORTED.name());
            Jdbc.setInstant(labels, 5, now);
            labels.setString(6, options.author());
            labels.addBatch();
            labelled++;
        }
        rowsPerBatch.get(batch.group())[0]++;
        rows++;
        if (++pending >= JDBC_BATCH) {
            flush();
        }
    }

    /** A hash hit is a duplicate only if the id is really stored already; hash collisions pass. */
    private void checkDuplicate(String externalId, long line) throws SQLException {
        flush();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MIN(source_line) FROM quotes WHERE external_id = ? AND batch_id >= ?")) {
            ps.setString(1, externalId);
            ps.setLong(2, firstBatchId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long first = rs.getLong(1);
                if (!rs.wasNull()) {
                    throw new ImportException(new ImportError(file, line, "quote_id", "duplicate quote id '"
                            + externalId + "': first seen on line " + first + ", again on line " + line));
                }
            }
        }
    }

    private Batch batchFor(String group) throws SQLException {
        String key = options.splitGroups() ? group : "";
        Batch b = batches.get(key);
        if (b == null) {
            String day = options.splitGroups() ? group : options.day() != null ? options.day() : stem(file);
            if (day.isEmpty()) {
                day = stem(file);
            }
            // placeholder hash, unique per batch, until the whole file has been hashed
            String placeholder = String.format("%064d", batches.size());
            b = BatchRepository.insert(c, projectId, file, placeholder, key, day, now);
            if (firstBatchId < 0) {
                firstBatchId = b.id();
            }
            batches.put(key, b);
            rowsPerBatch.put(key, new int[1]);
        }
        return b;
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            quotes.executeBatch();
            labels.executeBatch();
            pending = 0;
        }
    }

    /** Flushes, sets the real content hash and row counts; returns the batches in stream order. */
    List<Batch> finish(String hash) throws SQLException {
        if (!unknown.isEmpty()) {
            throw new UnknownTopicsException(file, unknown); // the caller's transaction rolls back
        }
        SchemaTable.complete(c, projectId);
        flush();
        List<Batch> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE batches SET content_hash = ?, row_count = ? WHERE id = ?")) {
            for (Batch b : batches.values()) {
                int n = rowsPerBatch.get(b.group())[0];
                ps.setString(1, hash);
                ps.setInt(2, n);
                ps.setLong(3, b.id());
                ps.executeUpdate();
                out.add(new Batch(b.id(), b.seq(), b.fileName(), hash, b.group(), b.day(), b.importedAt(), n));
            }
        }
        return out;
    }

    long rows() {
        return rows;
    }

    long labelled() {
        return labelled;
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    @Override
    public void close() throws SQLException {
        try (quotes; labels) {
            // statements close in reverse order; the transaction is committed or rolled back by the caller
        }
    }
}
