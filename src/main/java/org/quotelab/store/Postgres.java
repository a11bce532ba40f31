package org.quotelab.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.util.PSQLState;

/**
 * Opens a store on a PostgreSQL server and turns the driver's failures into messages a user can
 * act on. The pool is the same small one the H2 store uses, over the driver's pooled data source.
 */
final class Postgres {
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private Postgres() {
    }

    static Database open(StoreLocation.Postgres at) {
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        try {
            source.setURL(at.jdbcUrl());
        } catch (IllegalArgumentException e) {
            throw new StoreException("'" + at.describe() + "' is not a PostgreSQL address: " + e.getMessage(), e);
        }
        if (at.user() != null) {
            source.setUser(at.user());
        }
        if (at.password() != null) {
            source.setPassword(at.password());
        }
        source.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        source.setApplicationName("QuoteLab");
        // one multi-row INSERT per JDBC batch instead of a round trip per row: imports, predictions
        source.setReWriteBatchedInserts(true);
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(16);
        Connection writer = null;
        try {
            writer = pool.getConnection();
            return Database.migrated(at, Dialect.POSTGRESQL, pool, writer, source::getConnection);
        } catch (SQLException e) {
            Database.closeQuietly(writer);
            pool.dispose();
            throw new StoreException(message(at, e), e);
        } catch (RuntimeException e) {
            Database.closeQuietly(writer);
            pool.dispose();
            throw e;
        }
    }

    /** What went wrong, by the SQL state the server or the driver reported. */
    static String message(StoreLocation.Postgres at, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = "postgresql://" + at.host() + ":" + at.port() + "/" + at.database();
        // checked first: a missing password is reported as a rejected connection (08004)
        if (state.startsWith("28") || state.equals(PSQLState.CONNECTION_REJECTED.getState())) {
            return "PostgreSQL refused the login to " + where + " as " + (at.user() == null ? "the OS user" : at.user())
                    + ": wrong or missing user or password (" + e.getMessage() + "). Set PGUSER and PGPASSWORD"
                    + " (or QUOTELAB_DB_USER and QUOTELAB_DB_PASSWORD), or user and password in the data folder's "
                    + StoreLocation.SETTINGS_FILE + ", or a line in ~/.pgpass";
        }
        if (state.startsWith("08")) {
            return "cannot reach the PostgreSQL server at " + at.host() + ":" + at.port()
                    + " (" + e.getMessage() + "); is it running and does it accept connections from here?";
        }
        if (state.equals("3D000")) {
            return "the database '" + at.database() + "' does not exist on " + at.host() + ":" + at.port()
                    + "; create it first (createdb " + at.database() + ")";
        }
        return "cannot open the store " + where + ": " + e.getMessage();
    }
}
