package org.quotelab.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What differs between the two databases the store runs on. The schema and the repositories' SQL
 * are written once in the subset both understand; the few differences live here and nowhere else.
 */
public enum Dialect {
    /** Embedded H2 file: one process at a time (H2's file lock), one writer connection in it. */
    H2,
    /** A PostgreSQL server: several processes share the store, each with its own writer. */
    POSTGRESQL;

    /** The dialect of an open connection. */
    static Dialect of(Connection c) throws SQLException {
        return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()) ? POSTGRESQL : H2;
    }

    /** True when other processes may use the store at the same time. */
    public boolean shared() {
        return this == POSTGRESQL;
    }

    /**
     * Makes the rest of the current transaction the only writer of {@code table} across processes,
     * for writes that number rows as MAX + 1. On H2 the single writer connection already
     * guarantees it; on PostgreSQL a table lock does (readers are not blocked), released at
     * commit or rollback.
     */
    void lockForAppend(Connection c, String table) throws SQLException {
        if (this == POSTGRESQL) {
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE " + table + " IN SHARE ROW EXCLUSIVE MODE");
            }
        }
    }
}
