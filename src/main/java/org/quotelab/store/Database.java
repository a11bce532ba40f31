package org.quotelab.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's database: an embedded H2 file (the default) or a PostgreSQL database (see
 * {@link StoreLocation}). Writes go through one writer connection guarded by a lock, so there is
 * one writer per process at a time and every write is a transaction; reads use pooled connections
 * and see committed data only. Close it explicitly: the H2 URL disables H2's own shutdown hook.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Opens a connection outside the pool. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final StoreLocation location;
    private final Dialect dialect;
    private final JdbcConnectionPool pool;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    /** PostgreSQL: connections of their own, outside the pool (a training lock's session); null on H2. */
    private final ConnectionSource direct;
    /** H2: the purpose and project -> holder of each lock taken in this process (the only one on the file). */
    private final ConcurrentMap<String, String> lockHolders = new ConcurrentHashMap<>();

    private Database(StoreLocation location, Dialect dialect, JdbcConnectionPool pool, Connection writer,
            ConnectionSource direct) {
        this.location = location;
        this.dialect = dialect;
        this.pool = pool;
        this.writer = writer;
        this.direct = direct;
    }

    /** Opens (creating an H2 file if needed) and migrates the store at {@code location}. */
    public static Database open(StoreLocation location) {
        if (location instanceof StoreLocation.Postgres pg) {
            return Postgres.open(pg);
        }
        return open(((StoreLocation.H2File) location).file());
    }

    /**
     * Opens (creating if needed) the database at {@code file} (without the .mv.db suffix) and
     * migrates its schema to the latest version.
     *
     * @throws StoreLockedException when another process has the same file open
     */
    public static Database open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String url = url(abs);
        try {
            Files.createDirectories(abs.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the data folder " + abs.getParent() + ": " + e.getMessage(), e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(16);
        Connection writer = null;
        try {
            writer = pool.getConnection();
            return migrated(new StoreLocation.H2File(abs), Dialect.H2, pool, writer, null);
        } catch (SQLException e) {
            closeQuietly(writer);
            pool.dispose();
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new StoreLockedException(abs, e);
            }
            throw new StoreException("cannot open the store " + abs + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            pool.dispose();
            throw e;
        }
    }

    /** Migrates the schema to the latest version and wraps the open pool and writer. */
    static Database migrated(StoreLocation location, Dialect dialect, JdbcConnectionPool pool, Connection writer,
            ConnectionSource direct) throws SQLException {
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        writer.setAutoCommit(false);
        LOG.info("opened store {}", location.describe());
        return new Database(location, dialect, pool, writer, direct);
    }

    /**
     * The H2 URL of a database file. H2 reads everything after the first ';' of a URL as settings
     * and has no escape for it, so a ';' in the path would silently change how the store is opened
     * (e.g. a folder named "x;ACCESS_MODE_DATA=r"): such a path is refused before anything is created.
     */
    static String url(Path abs) {
        String path = abs.toString();
        if (path.indexOf(';') >= 0) {
            throw new StoreException("the data folder path " + abs.getParent() + " contains ';', which the"
                    + " database cannot take in a file name; choose a folder without ';'", null);
        }
        return "jdbc:h2:file:" + path + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The H2 file of the store; null when the store is on a PostgreSQL server. */
    public Path file() {
        return location instanceof StoreLocation.H2File h2 ? h2.file() : null;
    }

    public StoreLocation location() {
        return location;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} as one transaction on the single writer connection; rolls back on any failure.
     * A write inside another on the same thread joins it: only the outermost commits or rolls back.
     */
    public <T> T write(SqlWork<T> work) {
        boolean outermost = !writeLock.isHeldByCurrentThread();
        writeLock.lock();
        try {
            T result = work.run(writer);
            if (outermost) {
                writer.commit();
            }
            return result;
        } catch (SQLException e) {
            if (outermost) {
                rollback();
            }
            throw new StoreException(e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            if (outermost) {
                rollback();
            }
            throw e;
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a pooled auto-commit connection; for queries only. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setReadOnly(true);
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** A new connection of its own (PostgreSQL only): closing it ends its session. */
    Connection connection() {
        try {
            return direct.open();
        } catch (SQLException e) {
            throw new StoreException("cannot open a connection to " + location.describe() + ": " + e.getMessage(), e);
        }
    }

    ConcurrentMap<String, String> lockHolders() {
        return lockHolders;
    }

    /**
     * Takes the training lock of project {@code projectId} for {@code holder}, or returns empty
     * when another training of that project runs in any process ({@link StoreLock}).
     */
    public java.util.Optional<StoreLock> tryTrainingLock(long projectId, String holder) {
        return StoreLock.tryAcquire(this, StoreLock.Purpose.TRAINING, projectId, holder);
    }

    /** Who holds project {@code projectId}'s training lock, as it described itself; empty when nobody. */
    public java.util.Optional<String> trainingLockHolder(long projectId) {
        return StoreLock.holder(this, StoreLock.Purpose.TRAINING, projectId);
    }

    /** Takes the store-wide scheduler lock for {@code holder}, or returns empty when another scheduler runs. */
    public java.util.Optional<StoreLock> tryScheduleLock(String holder) {
        return StoreLock.tryAcquire(this, StoreLock.Purpose.SCHEDULE, 0, holder);
    }

    /** Who runs the store's scheduler now, as it described itself; empty when nobody. */
    public java.util.Optional<String> scheduleLockHolder() {
        return StoreLock.holder(this, StoreLock.Purpose.SCHEDULE, 0);
    }

    private void rollback() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            LOG.error("rollback failed", e);
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            closeQuietly(writer);
            pool.dispose();
            LOG.info("closed store {}", location.describe());
        } finally {
            writeLock.unlock();
        }
    }

    static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("closing a connection failed", e);
        }
    }
}
