package org.quotelab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The quotes each model version trained and was calibrated on (table version_quotes). A version
 * without rows was registered from a folder trained outside the store: what it saw is not known.
 */
public final class VersionQuoteRepository {

    public static final String TRAINED = "trained";
    public static final String CALIBRATED = "calibrated";

    private final Database db;

    public VersionQuoteRepository(Database db) {
        this.db = db;
    }

    /** Adds {@code quoteIds} under {@code role}; ids already recorded with that role are skipped. */
    public void record(long versionId, String role, Collection<Long> quoteIds) {
        if (!TRAINED.equals(role) && !CALIBRATED.equals(role)) {
            throw new IllegalArgumentException("role must be " + TRAINED + " or " + CALIBRATED + ", got " + role);
        }
        Set<Long> fresh = new LinkedHashSet<>(quoteIds);
        db.write(c -> {
            fresh.removeAll(ids(c, versionId, role));
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO version_quotes (version_id, quote_id, role) VALUES (?, ?, ?)")) {
                for (long q : fresh) {
                    ps.setLong(1, versionId);
                    ps.setLong(2, q);
                    ps.setString(3, role);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Copies every row of {@code parentId} to {@code childId} that the child does not hold yet. */
    public void inherit(long childId, long parentId) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO version_quotes (version_id, quote_id, role)"
                    + " SELECT ?, p.quote_id, p.role FROM version_quotes p WHERE p.version_id = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM version_quotes k WHERE k.version_id = ? AND k.quote_id = p.quote_id"
                    + " AND k.role = p.role)")) {
                ps.setLong(1, childId);
                ps.setLong(2, parentId);
                ps.setLong(3, childId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every quote the version saw in any role. */
    public Set<Long> quoteIds(long versionId) {
        return db.read(c -> ids(c, versionId, null));
    }

    /** The quotes of one role. */
    public Set<Long> quoteIds(long versionId, String role) {
        return db.read(c -> ids(c, versionId, role));
    }

    /** Whether anything was recorded for the version. */
    public boolean recorded(long versionId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM version_quotes WHERE version_id = ?")) {
                ps.setLong(1, versionId);
                ps.setMaxRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static Set<Long> ids(java.sql.Connection c, long versionId, String role) throws java.sql.SQLException {
        String sql = "SELECT DISTINCT quote_id FROM version_quotes WHERE version_id = ?"
                + (role == null ? "" : " AND role = ?");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, versionId);
            if (role != null) {
                ps.setString(2, role);
            }
            try (ResultSet rs = ps.executeQuery()) {
                Set<Long> out = new HashSet<>();
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
                return out;
            }
        }
    }
}
