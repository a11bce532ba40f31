package org.quotelab.domain.project;

/**
 * One topic of a project's label schema. {@code key}: the topic as labels store it (the imported
 * id such as "543", or a name read from a topic column); {@code name}: what people read;
 * {@code colour}: a CSS hex colour; {@code position}: the schema order from 1; {@code hotkey}: the
 * key that labels the topic in Review ("1".."9", then letters), or null when it has none.
 */
public record TopicDef(String key, String name, String colour, int position, String hotkey) {
    public TopicDef {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a topic needs a key");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic " + key + " needs a name");
        }
    }

    /** The name a topic gets before anyone renames it: numeric keys read "topic 543". */
    public static String defaultName(String key) {
        return key.chars().allMatch(Character::isDigit) ? "topic " + key : key;
    }

    public TopicDef withName(String n) {
        return new TopicDef(key, n, colour, position, hotkey);
    }

    public TopicDef withColour(String c) {
        return new TopicDef(key, name, c, position, hotkey);
    }

    public TopicDef withPosition(int p) {
        return new TopicDef(key, name, colour, p, hotkey);
    }

    public TopicDef withHotkey(String h) {
        return new TopicDef(key, name, colour, position, h);
    }
}
