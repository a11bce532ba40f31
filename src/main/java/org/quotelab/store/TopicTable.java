package org.quotelab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps the topic label set: a new topic gets the next ordinal, existing ordinals never change. */
final class TopicTable {

    private TopicTable() {
    }

    static Map<String, Integer> load(Connection c) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ordinal, name FROM topics ORDER BY ordinal");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(2), rs.getInt(1));
            }
        }
        return out;
    }

    /** Adds {@code topic} if new; {@code known} is the caller's cache of the table and is updated. */
    static void ensure(Connection c, Map<String, Integer> known, String topic) throws SQLException {
        if (topic == null || known.containsKey(topic)) {
            return;
        }
        Dialect dialect = Dialect.of(c);
        dialect.lockForAppend(c, "topics");
        if (dialect.shared()) {
            // another process may have added it since the caller read the table
            known.putAll(load(c));
            if (known.containsKey(topic)) {
                return;
            }
        }
        int ordinal = (int) Counts.single(c, "SELECT COALESCE(MAX(ordinal), 0) + 1 FROM topics");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO topics (ordinal, name) VALUES (?, ?)")) {
            ps.setInt(1, ordinal);
            ps.setString(2, topic);
            ps.executeUpdate();
        }
        known.put(topic, ordinal);
    }
}
