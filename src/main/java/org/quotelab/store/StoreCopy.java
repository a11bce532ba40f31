package org.quotelab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Copies a whole store (every project and every table) into a new, empty store, H2 or PostgreSQL
 * either way, and proves the copy: row counts and an order-independent digest of every table
 * ({@link TableDigest}) are compared before the copy commits. The target is written in one
 * transaction; a mismatch or any failure leaves it as empty as it was. Ids are copied as they are
 * (labels, predictions and files refer to them), and each identity column is restarted past the
 * largest copied id so the new store numbers its next rows after them.
 */
public final class StoreCopy {
    /** Tables a newly created store already fills: the first project and store-wide settings. */
    private static final Set<String> SEEDED = Set.of("projects", "settings", "project_settings");

    /** One table's figures in the source and in the target. */
    public record TableCheck(String table, long sourceRows, long targetRows, String sourceDigest, String targetDigest) {
        public boolean matches() {
            return sourceRows == targetRows && sourceDigest.equals(targetDigest);
        }
    }

    /** Every table's figures, parents first. */
    public record Report(List<TableCheck> tables) {
        public boolean matches() {
            return tables.stream().allMatch(TableCheck::matches);
        }
    }

    /** A table's row count and digest. */
    public record Digest(long rows, String hex) {
    }

    /** The copy did not reproduce the source: nothing was committed. */
    public static final class MismatchException extends StoreException {
        private final transient Report report;

        MismatchException(Report report) {
            super("the copy differs from the source in " + report.tables().stream().filter(t -> !t.matches())
                    .map(TableCheck::table).toList() + "; nothing was written to the target", null);
            this.report = report;
        }

        public Report report() {
            return report;
        }
    }

    private StoreCopy() {
    }

    /**
     * Copies {@code from} into {@code to}, which must hold nothing but what a new store holds.
     * {@code progress} hears one line per table.
     *
     * @throws MismatchException when a count or digest differs (the target stays empty)
     * @throws StoreException when the target is not empty or the schemas differ
     */
    public static Report copy(Database from, Database to, Consumer<String> progress) {
        if (from.location().equals(to.location())) {
            throw new StoreException("the source and the target are the same store: " + to.location().describe(), null);
        }
        return from.write(src -> {
            boolean shared = from.dialect() == Dialect.POSTGRESQL;
            int isolation = src.getTransactionIsolation();
            if (shared) { // one snapshot of every table while others keep writing
                src.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            try {
                List<StoreTables.Table> tables = StoreTables.read(src);
                Map<String, Long> nextIds = nextIds(src, tables);
                // before the copy's transaction: on H2 a schema change commits the open transaction
                to.write(dst -> {
                    sameTables(tables, StoreTables.read(dst));
                    refuseNonEmpty(dst, tables);
                    for (Map.Entry<String, Long> e : nextIds.entrySet()) {
                        restart(dst, table(tables, e.getKey()), e.getValue());
                    }
                    return null;
                });
                return to.write(dst -> copyAll(src, dst, tables, progress));
            } finally {
                src.rollback();
                if (shared) {
                    src.setTransactionIsolation(isolation);
                }
            }
        });
    }

    /** Every table's count and digest (Flyway's history aside), for comparing two stores. */
    public static Map<String, Digest> digests(Database db) {
        return db.read(c -> {
            c.setAutoCommit(false); // PostgreSQL fetches through a cursor only inside a transaction
            try {
                Map<String, Digest> out = new LinkedHashMap<>();
                for (StoreTables.Table t : StoreTables.read(c)) {
                    TableDigest d = digest(c, t);
                    out.put(t.name(), new Digest(d.rows(), d.hex()));
                }
                return out;
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        });
    }

    private static Report copyAll(Connection src, Connection dst, List<StoreTables.Table> tables,
            Consumer<String> progress) throws SQLException {
        for (int i = tables.size() - 1; i >= 0; i--) { // children first: what a new store seeded goes
            try (Statement s = dst.createStatement()) {
                s.executeUpdate("DELETE FROM " + tables.get(i).name());
            }
        }
        List<TableCheck> checks = new ArrayList<>();
        for (StoreTables.Table t : tables) {
            TableDigest source = copyTable(src, dst, t);
            TableDigest target = digest(dst, t);
            checks.add(new TableCheck(t.name(), source.rows(), target.rows(), source.hex(), target.hex()));
            progress.accept(t.name() + ": " + source.rows() + " rows");
        }
        Report report = new Report(List.copyOf(checks));
        if (!report.matches()) {
            throw new MismatchException(report);
        }
        return report;
    }

    private static TableDigest copyTable(Connection src, Connection dst, StoreTables.Table t) throws SQLException {
        TableDigest digest = new TableDigest(t);
        List<StoreTables.Column> cols = t.columns();
        String marks = String.join(", ", cols.stream().map(c -> "?").toList());
        try (Statement read = src.createStatement();
                PreparedStatement write = dst.prepareStatement("INSERT INTO " + t.name() + " (" + t.columnList()
                        + ") VALUES (" + marks + ")")) {
            read.setFetchSize(t.batch()); // PostgreSQL streams through a cursor (autocommit is off here)
            int pending = 0;
            try (ResultSet rs = read.executeQuery("SELECT " + t.columnList() + " FROM " + t.name()
                    + " ORDER BY " + t.orderBy())) {
                while (rs.next()) {
                    Object[] row = new Object[cols.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = TableDigest.value(rs, i + 1, cols.get(i).type());
                        TableDigest.set(write, i + 1, row[i], cols.get(i).type());
                    }
                    digest.add(row);
                    write.addBatch();
                    if (++pending == t.batch()) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
        return digest;
    }

    private static TableDigest digest(Connection c, StoreTables.Table t) throws SQLException {
        TableDigest digest = new TableDigest(t);
        try (Statement s = c.createStatement()) {
            s.setFetchSize(t.batch());
            try (ResultSet rs = s.executeQuery("SELECT " + t.columnList() + " FROM " + t.name())) {
                while (rs.next()) {
                    Object[] row = new Object[t.columns().size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = TableDigest.value(rs, i + 1, t.columns().get(i).type());
                    }
                    digest.add(row);
                }
            }
        }
        return digest;
    }

    /** Table -> the first id its identity column should hand out once the rows are copied. */
    private static Map<String, Long> nextIds(Connection src, List<StoreTables.Table> tables) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (StoreTables.Table t : tables) {
            if (t.identity() != null) {
                out.put(t.name(), Counts.single(src, "SELECT COALESCE(MAX(" + t.identity() + "), 0) + 1 FROM " + t.name()));
            }
        }
        return out;
    }

    /** Standard SQL both databases run on an identity column (PostgreSQL: its sequence's setval). */
    private static void restart(Connection dst, StoreTables.Table t, long next) throws SQLException {
        try (Statement s = dst.createStatement()) {
            s.execute("ALTER TABLE " + t.name() + " ALTER COLUMN " + t.identity() + " RESTART WITH " + next);
        }
    }

    private static void refuseNonEmpty(Connection dst, List<StoreTables.Table> tables) throws SQLException {
        List<String> filled = new ArrayList<>();
        for (StoreTables.Table t : tables) {
            long n = Counts.single(dst, "SELECT COUNT(*) FROM " + t.name());
            long allowed = t.name().equals("projects") ? 1 : SEEDED.contains(t.name()) ? Long.MAX_VALUE : 0;
            if (n > allowed) {
                filled.add(t.name() + " (" + n + " rows)");
            }
        }
        if (!filled.isEmpty()) {
            throw new StoreException("the target store is not empty: " + String.join(", ", filled)
                    + "; migrate copies into a new, empty store only", null);
        }
    }

    private static void sameTables(List<StoreTables.Table> from, List<StoreTables.Table> to) {
        Set<String> a = new TreeSet<>();
        Set<String> b = new TreeSet<>();
        from.forEach(t -> t.columns().forEach(c -> a.add(t.name() + "." + c.name())));
        to.forEach(t -> t.columns().forEach(c -> b.add(t.name() + "." + c.name())));
        if (!a.equals(b)) {
            Set<String> onlyFrom = new TreeSet<>(a);
            onlyFrom.removeAll(b);
            Set<String> onlyTo = new TreeSet<>(b);
            onlyTo.removeAll(a);
            throw new StoreException("the two stores' schemas differ (only in the source: " + onlyFrom
                    + "; only in the target: " + onlyTo + "); open both with the same QuoteLab version first", null);
        }
    }

    private static StoreTables.Table table(List<StoreTables.Table> tables, String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
