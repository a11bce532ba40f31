package org.quotelab.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.quotelab.domain.quote.Batch;

/**
 * Helpers shared by the store tests: a real store, an H2 file in a temp dir or a fresh database on
 * the embedded PostgreSQL server, and CSV writing.
 */
public final class StoreFixture {
    static final String SHARED_HEADER = "quote_id,quote_text,label,topic,group";

    /** The databases the store runs on; store tests run once for each (@ParameterizedClass). */
    public enum StoreKind {
        H2, POSTGRES
    }

    private StoreFixture() {
    }

    static QuoteStore open(Path dir) {
        return open(StoreKind.H2, dir);
    }

    /** A new empty store of {@code kind}; {@code dir} holds the H2 file. */
    public static QuoteStore open(StoreKind kind, Path dir) {
        return QuoteStore.open(location(kind, dir));
    }

    /** Where a new empty store of {@code kind} lives. */
    public static StoreLocation location(StoreKind kind, Path dir) {
        if (kind == StoreKind.H2) {
            return new StoreLocation.H2File(dir.resolve("db").resolve("quotelab"));
        }
        return StoreLocation.postgres(EmbeddedPostgres.newDatabase(), Map.of("PGUSER", EmbeddedPostgres.user()), null);
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    static Path writeBytes(Path dir, String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** Row counts of every table plus the batch list: equal snapshots mean the store is unchanged. */
    static String snapshot(QuoteStore store) {
        return store.database().read(c -> {
            StringBuilder sb = new StringBuilder();
            for (String t : List.of("batches", "quotes", "labels", "label_history", "topics", "predictions")) {
                sb.append(t).append('=').append(Counts.single(c, "SELECT COUNT(*) FROM " + t)).append(' ');
            }
            for (Batch b : store.batches().list()) {
                sb.append(b.id()).append(':').append(b.day()).append(':').append(b.rowCount()).append(' ');
            }
            return sb.toString();
        });
    }
}
