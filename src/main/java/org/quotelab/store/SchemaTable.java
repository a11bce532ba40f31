package org.quotelab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quotelab.domain.project.Hotkeys;
import org.quotelab.domain.project.NaturalOrder;
import org.quotelab.domain.project.TopicColours;
import org.quotelab.domain.project.TopicDef;

/**
 * The rows of a project's label schema, for use inside a transaction. New topics are added
 * without position, colour or hotkey; {@link #complete} then gives them the next positions (in
 * natural order among themselves), the next palette colours and the first free keys, so the
 * topics already there keep theirs.
 */
final class SchemaTable {

    /** A row as stored: position, colour and hotkey may still be missing. */
    record Row(String key, String name, String colour, Integer position, String hotkey) {
    }

    private SchemaTable() {
    }

    static List<Row> load(Connection c, long projectId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT topic_key, display_name, colour, position, hotkey"
                + " FROM topic_schema WHERE project_id = ?")) {
            ps.setLong(1, projectId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Row> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.getInt(rs, "position"),
                            rs.getString(5)));
                }
                return out;
            }
        }
    }

    /** True when a row lacks a position or colour, or lacks a hotkey while a key is still free. */
    static boolean incomplete(List<Row> rows) {
        Set<String> taken = new HashSet<>();
        rows.stream().map(Row::hotkey).filter(h -> h != null).forEach(taken::add);
        boolean keyFree = Hotkeys.firstFree(taken) != null;
        return rows.stream().anyMatch(r -> r.position() == null || r.colour() == null || keyFree && r.hotkey() == null);
    }

    /** Adds {@code key} to the project's schema (and to the store-wide topics) unless it is there. */
    static void add(Connection c, long projectId, Map<String, Integer> topics, Set<String> inSchema, String key,
            String name) throws SQLException {
        if (key == null || inSchema.contains(key)) {
            return;
        }
        TopicTable.ensure(c, topics, key);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO topic_schema (project_id, topic_key, display_name) VALUES (?, ?, ?)")) {
            ps.setLong(1, projectId);
            ps.setString(2, key);
            ps.setString(3, name == null || name.isBlank() ? TopicDef.defaultName(key) : name.trim());
            ps.executeUpdate();
        }
        inSchema.add(key);
    }

    static Set<String> keys(Connection c, long projectId) throws SQLException {
        Set<String> out = new HashSet<>();
        for (Row r : load(c, projectId)) {
            out.add(r.key());
        }
        return out;
    }

    /** Gives every row without a position, colour or hotkey the next free one. */
    static void complete(Connection c, long projectId) throws SQLException {
        List<Row> rows = load(c, projectId);
        if (!incomplete(rows)) {
            return;
        }
        int next = rows.stream().filter(r -> r.position() != null).mapToInt(Row::position).max().orElse(0) + 1;
        List<Row> placed = new ArrayList<>(rows.stream().filter(r -> r.position() != null)
                .sorted(Comparator.comparingInt(Row::position)).toList());
        List<Row> fresh = new ArrayList<>(rows.stream().filter(r -> r.position() == null).toList());
        fresh.sort(Comparator.comparing(Row::key, NaturalOrder.INSTANCE));
        for (Row r : fresh) {
            placed.add(new Row(r.key(), r.name(), r.colour(), next++, r.hotkey()));
        }
        Set<String> taken = new HashSet<>();
        placed.stream().map(Row::hotkey).filter(h -> h != null).forEach(taken::add);
        try (PreparedStatement ps = c.prepareStatement("UPDATE topic_schema SET position = ?, colour = ?, hotkey = ?"
                + " WHERE project_id = ? AND topic_key = ?")) {
            for (Row r : placed) {
                String hotkey = r.hotkey();
                if (hotkey == null) {
                    hotkey = Hotkeys.firstFree(taken);
                    if (hotkey != null) {
                        taken.add(hotkey);
                    }
                }
                ps.setInt(1, r.position());
                ps.setString(2, r.colour() == null ? TopicColours.forPosition(r.position()) : r.colour());
                ps.setString(3, hotkey);
                ps.setLong(4, projectId);
                ps.setString(5, r.key());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
