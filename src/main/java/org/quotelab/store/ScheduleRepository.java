package org.quotelab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.quotelab.domain.continual.ScheduleEvent;
import org.quotelab.domain.continual.ScheduleEvent.Kind;
import org.quotelab.domain.continual.ScheduleEvent.Status;

/**
 * The schedule's log (table schedule_events). A step is inserted STARTED before it runs and
 * updated once it ends, so a kill leaves a STARTED row that {@link #closeInterrupted()} closes at
 * the next start. Writes join a surrounding transaction, so an import and its event commit together.
 */
public final class ScheduleRepository {
    private final Database db;

    public ScheduleRepository(Database db) {
        this.db = db;
    }

    /** Inserts a step as STARTED now and returns it with its id. */
    public ScheduleEvent start(ScheduleEvent e) {
        Instant now = Instant.now();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO schedule_events (kind, status, file_name,"
                    + " file_size, file_hash, batch_ids, detail, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, e.kind().name());
                ps.setString(2, Status.STARTED.name());
                ps.setString(3, e.fileName());
                Jdbc.setLong(ps, 4, e.fileSize());
                ps.setString(5, e.fileHash());
                ps.setString(6, ids(e.batchIds()));
                ps.setString(7, clip(e.detail()));
                Jdbc.setInstant(ps, 8, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return find(c, keys.getLong(1)).orElseThrow();
                }
            }
        });
    }

    /** Stores the step's outcome (status, batches, detail, drift and update fields) and its end time. */
    public ScheduleEvent finish(ScheduleEvent e) {
        if (!e.finished()) {
            throw new IllegalArgumentException("finish needs a final status");
        }
        Instant now = Instant.now();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE schedule_events SET status = ?, batch_ids = ?,"
                    + " detail = ?, drifted = ?, run_id = ?, stage1_version_id = ?, stage2_version_id = ?,"
                    + " promoted = ?, finished_at = ? WHERE id = ?")) {
                ps.setString(1, e.status().name());
                ps.setString(2, ids(e.batchIds()));
                ps.setString(3, clip(e.detail()));
                setBoolean(ps, 4, e.drifted());
                Jdbc.setLong(ps, 5, e.runId());
                Jdbc.setLong(ps, 6, e.stage1VersionId());
                Jdbc.setLong(ps, 7, e.stage2VersionId());
                setBoolean(ps, 8, e.promoted());
                Jdbc.setInstant(ps, 9, now);
                ps.setLong(10, e.id());
                if (ps.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no schedule event " + e.id());
                }
            }
            return find(c, e.id()).orElseThrow();
        });
    }

    /** A step that ran and ended at once (a decision, a rejected file): inserted already finished. */
    public ScheduleEvent record(ScheduleEvent e, Status outcome, String detail) {
        return db.write(c -> {
            ScheduleEvent s = start(e);
            return finish(new ScheduleEvent(s.id(), e.kind(), outcome, e.fileName(), e.fileSize(), e.fileHash(),
                    e.batchIds(), detail, e.drifted(), e.runId(), e.stage1VersionId(), e.stage2VersionId(),
                    e.promoted(), s.startedAt(), null));
        });
    }

    /**
     * Closes every STARTED step as INTERRUPTED. Call it only while holding the schedule's lock:
     * then no other scheduler can be running one of them.
     */
    public int closeInterrupted() {
        Instant now = Instant.now();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE schedule_events SET status = ?, finished_at = ?,"
                    + " detail = ? WHERE status = ?")) {
                ps.setString(1, Status.INTERRUPTED.name());
                Jdbc.setInstant(ps, 2, now);
                ps.setString(3, "the process ended during this step; the next run takes it up again");
                ps.setString(4, Status.STARTED.name());
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Forces what was committed onto the disk. H2 writes commits to its file in the background,
     * up to about a second later, so a kill right after a commit can lose it: call this before an
     * action outside the store depends on the commit (moving an imported file to done/).
     */
    public void sync() {
        db.write(c -> {
            if ("H2".equals(c.getMetaData().getDatabaseProductName())) {
                try (Statement st = c.createStatement()) {
                    st.execute("CHECKPOINT SYNC");
                }
            }
            return null;
        });
    }

    /** The newest {@code limit} events, newest first. */
    public List<ScheduleEvent> latest(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM schedule_events ORDER BY id DESC"
                    + " FETCH FIRST ? ROWS ONLY")) {
                ps.setInt(1, Jdbc.checkLimit(limit));
                return collect(ps);
            }
        });
    }

    /** Every event after {@code afterId}, oldest first: what the policy looks back on. */
    public List<ScheduleEvent> since(long afterId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM schedule_events WHERE id > ? ORDER BY id")) {
                ps.setLong(1, afterId);
                return collect(ps);
            }
        });
    }

    /** The newest event of a kind whose status is one of {@code statuses}. */
    public Optional<ScheduleEvent> lastOf(Kind kind, Status... statuses) {
        String in = Arrays.stream(statuses).map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM schedule_events WHERE kind = ?"
                    + " AND status IN (" + in + ") ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, kind.name());
                return collect(ps).stream().findFirst();
            }
        });
    }

    /**
     * The schedule's last import (or skip) of a file with this name, size and content, if any. A
     * rejected file is not remembered: dropped again, it is tried (and refused) again.
     */
    public Optional<ScheduleEvent> handled(String fileName, long size, String hash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM schedule_events WHERE file_hash = ?"
                    + " AND file_name = ? AND file_size = ? AND status = ? AND kind IN (?, ?)"
                    + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, hash);
                ps.setString(2, fileName);
                ps.setLong(3, size);
                ps.setString(4, Status.DONE.name());
                ps.setString(5, Kind.IMPORT.name());
                ps.setString(6, Kind.SKIP.name());
                return collect(ps).stream().findFirst();
            }
        });
    }

    private static Optional<ScheduleEvent> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM schedule_events WHERE id = ?")) {
            ps.setLong(1, id);
            return collect(ps).stream().findFirst();
        }
    }

    private static List<ScheduleEvent> collect(PreparedStatement ps) throws SQLException {
        List<ScheduleEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ScheduleEvent(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
                        Status.valueOf(rs.getString("status")), rs.getString("file_name"),
                        Jdbc.getLong(rs, "file_size"), rs.getString("file_hash"), parse(rs.getString("batch_ids")),
                        rs.getString("detail"), getBoolean(rs, "drifted"), Jdbc.getLong(rs, "run_id"),
                        Jdbc.getLong(rs, "stage1_version_id"), Jdbc.getLong(rs, "stage2_version_id"),
                        getBoolean(rs, "promoted"), Jdbc.getInstant(rs, "started_at"),
                        Jdbc.getInstant(rs, "finished_at")));
            }
        }
        return out;
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> parse(String ids) {
        return ids == null || ids.isBlank() ? List.of() : Arrays.stream(ids.split(",")).map(Long::parseLong).toList();
    }

    private static String clip(String text) {
        String t = text == null ? "" : text;
        return t.length() > 10_000 ? t.substring(0, 9_997) + "..." : t;
    }

    private static void setBoolean(PreparedStatement ps, int index, Boolean value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BOOLEAN);
        } else {
            ps.setBoolean(index, value);
        }
    }

    private static Boolean getBoolean(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }
}
