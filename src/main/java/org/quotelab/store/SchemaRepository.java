package org.quotelab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.quotelab.domain.project.Hotkeys;
import org.quotelab.domain.project.LabelSchema;
import org.quotelab.domain.project.TopicColours;
import org.quotelab.domain.project.TopicDef;

/**
 * The label schema of one project: names, colours, order and Review keys of its topics. Topics
 * enter it through imports (or labels set on a new topic); here they are renamed, recoloured,
 * reordered and given other keys. Keys are checked for conflicts and never move by themselves.
 */
public final class SchemaRepository {
    private final Database db;
    private final long projectId;

    SchemaRepository(Database db, long projectId) {
        this.db = db;
        this.projectId = projectId;
    }

    /** The schema in schema order; topics added without position, colour or key get them first. */
    public LabelSchema schema() {
        List<SchemaTable.Row> rows = db.read(c -> SchemaTable.load(c, projectId));
        if (SchemaTable.incomplete(rows)) {
            rows = db.write(c -> {
                SchemaTable.complete(c, projectId);
                return SchemaTable.load(c, projectId);
            });
        }
        List<TopicDef> out = new ArrayList<>(rows.size());
        for (SchemaTable.Row r : rows) {
            out.add(new TopicDef(r.key(), r.name(), r.colour() == null ? "#7f7f7f" : r.colour(),
                    r.position() == null ? Integer.MAX_VALUE : r.position(), r.hotkey()));
        }
        return new LabelSchema(out);
    }

    /** Adds topics (e.g. those a file brings) at the end of the schema, each with the next free key. */
    public LabelSchema add(List<String> keys) {
        db.write(c -> {
            var topics = TopicTable.load(c);
            Set<String> in = SchemaTable.keys(c, projectId);
            for (String k : keys) {
                SchemaTable.add(c, projectId, topics, in, k, null);
            }
            SchemaTable.complete(c, projectId);
            return null;
        });
        return schema();
    }

    public LabelSchema rename(String key, String name) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("a topic needs a name");
        }
        if (n.length() > 200) {
            throw new IllegalArgumentException("a topic name has at most 200 characters");
        }
        LabelSchema s = schema();
        s.topics().stream().filter(t -> !t.key().equals(key) && t.name().equalsIgnoreCase(n)).findFirst()
                .ifPresent(t -> {
                    throw new IllegalArgumentException("topic " + t.key() + " is already named '" + n + "'");
                });
        update(key, "display_name", n);
        return schema();
    }

    public LabelSchema recolour(String key, String colour) {
        if (!TopicColours.isValid(colour)) {
            throw new IllegalArgumentException("a colour is written #rrggbb, not '" + colour + "'");
        }
        update(key, "colour", colour.toLowerCase(java.util.Locale.ROOT));
        return schema();
    }

    /**
     * Gives {@code key} the Review key {@code hotkey} (1-9 or a letter; null or blank removes it).
     * A key another topic has is refused with that topic's name: nothing changes.
     */
    public LabelSchema setHotkey(String key, String hotkey) {
        String k = hotkey == null || hotkey.isBlank() ? null : Hotkeys.normalise(hotkey);
        if (hotkey != null && !hotkey.isBlank() && k == null) {
            throw new IllegalArgumentException("'" + hotkey.trim() + "' cannot be a topic key: use 1-9 or a letter"
                    + " (0 marks a quote out-of-topic)");
        }
        LabelSchema s = schema();
        if (k != null) {
            s.byHotkey(k).filter(t -> !t.key().equals(key)).ifPresent(t -> {
                throw new IllegalArgumentException("key " + k + " already labels '" + t.name() + "'");
            });
        }
        update(key, "hotkey", k);
        return schema();
    }

    /** Puts the topics in the order given (every key of the schema once); keys and colours stay. */
    public LabelSchema reorder(List<String> keys) {
        LabelSchema s = schema();
        if (keys.size() != s.topics().size() || !new HashSet<>(keys).equals(keySet(s))) {
            throw new IllegalArgumentException("a new order must list every topic of the schema once");
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE topic_schema SET position = ? WHERE project_id = ? AND topic_key = ?")) {
                for (int i = 0; i < keys.size(); i++) {
                    ps.setInt(1, i + 1);
                    ps.setLong(2, projectId);
                    ps.setString(3, keys.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        return schema();
    }

    /** Hands the keys out again in schema order (1-9, then letters): after a reorder, on request. */
    public LabelSchema reassignHotkeys() {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE topic_schema SET hotkey = NULL WHERE project_id = ?")) {
                ps.setLong(1, projectId);
                ps.executeUpdate();
            }
            SchemaTable.complete(c, projectId);
            return null;
        });
        return schema();
    }

    private void update(String key, String column, String value) {
        db.write(c -> {
            require(c, key);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE topic_schema SET " + column + " = ? WHERE project_id = ? AND topic_key = ?")) {
                ps.setString(1, value);
                ps.setLong(2, projectId);
                ps.setString(3, key);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private void require(Connection c, String key) throws SQLException {
        if (!SchemaTable.keys(c, projectId).contains(key)) {
            throw new IllegalArgumentException("no topic '" + key + "' in this project's schema");
        }
    }

    private static Set<String> keySet(LabelSchema s) {
        Set<String> out = new HashSet<>();
        s.topics().forEach(t -> out.add(t.key()));
        return out;
    }
}
