package org.quotelab.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * One holder at a time across every process that uses the store: one training or update per
 * project ({@link Purpose#TRAINING}), one scheduler per store ({@link Purpose#SCHEDULE}). On
 * PostgreSQL it is a session advisory lock keyed by the purpose and the project, held on a
 * connection of its own for as long as the holder runs (outside the pool): the server drops it when that connection ends, so a killed
 * or cut-off process
 * never leaves it stuck. The holder's description is that connection's application_name, so a
 * refused start can say who holds it. On H2 the file admits one process, so a lock per purpose and
 * project inside the process ({@link Database}) is enough.
 */
public final class StoreLock implements AutoCloseable {
    /** What a lock guards; its key keeps QuoteLab's locks apart from any other user of the database. */
    public enum Purpose {
        TRAINING(0x514C_5452), // "QLTR"
        SCHEDULE(0x514C_5343); // "QLSC"

        final int key;

        Purpose(int key) {
            this.key = key;
        }
    }
    /** PostgreSQL keeps at most 63 bytes of an application_name. */
    private static final int NAME_BYTES = 63;

    private final Database db;
    private final Purpose purpose;
    private final long projectId;
    private final Connection held; // null on H2

    private StoreLock(Database db, Purpose purpose, long projectId, Connection held) {
        this.db = db;
        this.purpose = purpose;
        this.projectId = projectId;
        this.held = held;
    }

    /**
     * Takes project {@code projectId}'s lock for {@code holder} (who and what, e.g. "update by
     * ann@host-a"), or returns empty when another training holds it: then {@link #holder} says who.
     */
    static Optional<StoreLock> tryAcquire(Database db, Purpose purpose, long projectId, String holder) {
        if (!db.dialect().shared()) {
            String was = db.lockHolders().putIfAbsent(local(purpose, projectId), holder + " since " + now());
            return was == null ? Optional.of(new StoreLock(db, purpose, projectId, null)) : Optional.empty();
        }
        Connection c = db.connection();
        try {
            // the description first: a refused start reads it as soon as the lock is granted
            applicationName(c, truncate(holder + " since " + now()));
            boolean got;
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                ps.setInt(1, purpose.key);
                ps.setInt(2, Math.toIntExact(projectId));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    got = rs.getBoolean(1);
                }
            }
            if (!got) {
                Database.closeQuietly(c);
                return Optional.empty();
            }
            return Optional.of(new StoreLock(db, purpose, projectId, c));
        } catch (SQLException | RuntimeException e) {
            Database.closeQuietly(c);
            throw new StoreException("cannot take the " + purpose.name().toLowerCase(java.util.Locale.ROOT) + " lock: "
                    + e.getMessage(), e);
        }
    }

    /** Who holds project {@code projectId}'s lock now, as its holder described itself; empty when nobody. */
    static Optional<String> holder(Database db, Purpose purpose, long projectId) {
        if (!db.dialect().shared()) {
            return Optional.ofNullable(db.lockHolders().get(local(purpose, projectId)));
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.application_name, a.client_addr"
                    + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                    + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
                    + " AND l.classid::bigint = ? AND l.objid::bigint = ?"
                    + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                ps.setLong(1, purpose.key);
                ps.setLong(2, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String from = rs.getString(2);
                    return Optional.of(rs.getString(1) + (from == null ? "" : " (from " + from + ")"));
                }
            }
        });
    }

    public long projectId() {
        return projectId;
    }

    /** Lets the next training of the project start. */
    @Override
    public void close() {
        if (held == null) {
            db.lockHolders().remove(local(purpose, projectId));
            return;
        }
        try (PreparedStatement ps = held.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, purpose.key);
            ps.setInt(2, Math.toIntExact(projectId));
            ps.execute();
        } catch (SQLException e) {
            // closing the connection below ends the session, and the server drops the lock with it
        }
        Database.closeQuietly(held);
    }

    private static void applicationName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('application_name', ?, false)")) {
            ps.setString(1, name);
            ps.execute();
        }
    }

    /** "fine-tune by ann@host-a": what holds a lock, by whom, on which machine, as another instance will read it. */
    public static String describe(String what, String who) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown host";
        }
        return what + " by " + who + "@" + host;
    }

    private static String local(Purpose purpose, long projectId) {
        return purpose + "/" + projectId;
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    }

    private static String truncate(String s) {
        String out = s;
        while (out.getBytes(StandardCharsets.UTF_8).length > NAME_BYTES) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
