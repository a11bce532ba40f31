package org.quotelab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Key/value settings such as the stage-1 threshold. */
public final class SettingsRepository {
    public static final String STAGE1_THRESHOLD = "stage1.threshold";
    public static final String CLASS0_THRESHOLD = "stage2.class0_threshold";

    private final Database db;

    public SettingsRepository(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM settings WHERE setting_key = ?")) {
                ps.setString(1, key);
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
            try (PreparedStatement upd = c.prepareStatement("UPDATE settings SET setting_value = ? WHERE setting_key = ?")) {
                upd.setString(1, value);
                upd.setString(2, key);
                if (upd.executeUpdate() == 0) {
                    try (PreparedStatement ins = c.prepareStatement(
                            "INSERT INTO settings (setting_key, setting_value) VALUES (?, ?)")) {
                        ins.setString(1, key);
                        ins.setString(2, value);
                        ins.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    public void putDouble(String key, double value) {
        put(key, Double.toString(value));
    }
}
