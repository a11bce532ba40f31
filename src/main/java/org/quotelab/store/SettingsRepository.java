package org.quotelab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Key/value settings such as the stage-1 threshold: those of one project (table project_settings)
 * or, with no project, those of the data folder as a whole (table settings).
 */
public final class SettingsRepository {
    public static final String STAGE1_THRESHOLD = "stage1.threshold";
    public static final String CLASS0_THRESHOLD = "stage2.class0_threshold";

    private final Database db;
    private final Long projectId;
    private final String table;
    private final String scope;

    /** {@code projectId} null: the store-wide settings. */
    SettingsRepository(Database db, Long projectId) {
        this.db = db;
        this.projectId = projectId;
        this.table = projectId == null ? "settings" : "project_settings";
        this.scope = projectId == null ? "" : " AND project_id = ?";
    }

    public Optional<String> get(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM " + table
                    + " WHERE setting_key = ?" + scope)) {
                ps.setString(1, key);
                bindScope(ps, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public double getDouble(String key, double fallback) {
        return get(key).map(Double::parseDouble).orElse(fallback);
    }

    public void put(String key, String value) {
        db.write(c -> {
            try (PreparedStatement upd = c.prepareStatement("UPDATE " + table
                    + " SET setting_value = ? WHERE setting_key = ?" + scope)) {
                upd.setString(1, value);
                upd.setString(2, key);
                bindScope(upd, 3);
                if (upd.executeUpdate() == 0) {
                    try (PreparedStatement ins = c.prepareStatement(projectId == null
                            ? "INSERT INTO settings (setting_key, setting_value) VALUES (?, ?)"
                            : "INSERT INTO project_settings (setting_key, setting_value, project_id) VALUES (?, ?, ?)")) {
                        ins.setString(1, key);
                        ins.setString(2, value);
                        bindScope(ins, 3);
                        ins.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    private void bindScope(PreparedStatement ps, int at) throws java.sql.SQLException {
        if (projectId != null) {
            ps.setLong(at, projectId);
        }
    }

    public void putDouble(String key, double value) {
        put(key, Double.toString(value));
    }
}
