package org.quotelab.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables of a store as the database itself describes them, read from the JDBC metadata so that
 * a copy takes every table the migrations made, including ones added later, without a list to
 * keep up to date. Names are lower case on both databases (H2 reports them upper case).
 */
final class StoreTables {
    /** Flyway's own bookkeeping: each store has it from its own migration run, never copied. */
    static final String FLYWAY = "flyway_schema_history";

    /** A column and its JDBC type ({@link java.sql.Types}). */
    record Column(String name, int type) {
    }

    /** A table, its columns in the database's order, its key columns and its identity column (or null). */
    record Table(String name, List<Column> columns, List<String> key, String identity) {
        /** The key's columns (every column when there is no key): a stable order to read rows in. */
        String orderBy() {
            return String.join(", ", key.isEmpty() ? columns.stream().map(Column::name).toList() : key);
        }

        String columnList() {
            return String.join(", ", columns.stream().map(Column::name).toList());
        }

        /** True for a table with a binary column: rows of up to a MiB each (model files). */
        boolean large() {
            return columns.stream().anyMatch(c -> c.type() == java.sql.Types.BINARY
                    || c.type() == java.sql.Types.VARBINARY || c.type() == java.sql.Types.LONGVARBINARY
                    || c.type() == java.sql.Types.BLOB);
        }

        /** Rows to fetch or send at a time: few of the large ones, so that memory stays small. */
        int batch() {
            return large() ? 4 : 500;
        }
    }

    private StoreTables() {
    }

    /** Every table but Flyway's, parents before the tables that refer to them. */
    static List<Table> read(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        Set<String> names = new TreeSet<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = lower(rs.getString("TABLE_NAME"));
                if (!name.equals(FLYWAY)) {
                    names.add(name);
                }
            }
        }
        Map<String, String> identities = identities(c, schema);
        Map<String, Table> tables = new TreeMap<>();
        Map<String, Set<String>> parents = new TreeMap<>();
        for (String name : names) {
            String metaName = md.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
            tables.put(name, new Table(name, columns(md, schema, metaName), key(md, schema, metaName),
                    identities.get(name)));
            Set<String> refs = new TreeSet<>();
            try (ResultSet rs = md.getImportedKeys(null, schema, metaName)) {
                while (rs.next()) {
                    String parent = lower(rs.getString("PKTABLE_NAME"));
                    if (!parent.equals(name)) { // a row refers to an earlier one of its table: key order copes
                        refs.add(parent);
                    }
                }
            }
            parents.put(name, refs);
        }
        return parentsFirst(tables, parents);
    }

    private static List<Table> parentsFirst(Map<String, Table> tables, Map<String, Set<String>> parents) {
        List<Table> out = new ArrayList<>();
        Set<String> placed = new TreeSet<>();
        while (placed.size() < tables.size()) {
            boolean progress = false;
            for (String name : tables.keySet()) {
                if (!placed.contains(name) && placed.containsAll(parents.get(name))) {
                    out.add(tables.get(name));
                    placed.add(name);
                    progress = true;
                }
            }
            if (!progress) {
                throw new StoreException("the store's tables refer to each other in a cycle: " + parents, null);
            }
        }
        return out;
    }

    private static List<Column> columns(DatabaseMetaData md, String schema, String table) throws SQLException {
        Map<Integer, Column> byPosition = new TreeMap<>();
        try (ResultSet rs = md.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                byPosition.put(rs.getInt("ORDINAL_POSITION"),
                        new Column(lower(rs.getString("COLUMN_NAME")), rs.getInt("DATA_TYPE")));
            }
        }
        return List.copyOf(byPosition.values());
    }

    private static List<String> key(DatabaseMetaData md, String schema, String table) throws SQLException {
        Map<Integer, String> bySeq = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                bySeq.put(rs.getInt("KEY_SEQ"), lower(rs.getString("COLUMN_NAME")));
            }
        }
        return List.copyOf(bySeq.values());
    }

    /** Table -> its identity column; information_schema.columns.is_identity exists on both databases. */
    private static Map<String, String> identities(Connection c, String schema) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND is_identity = 'YES'")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(lower(rs.getString(1)), lower(rs.getString(2)));
                }
            }
        }
        return out;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
