package org.quotelab.domain.project;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's topics in schema order. It names topic keys for display and gives the one class
 * order used everywhere: schema order for the topics it holds, natural order for any other
 * (a model may know a topic the schema has lost).
 */
public final class LabelSchema {
    public static final LabelSchema EMPTY = new LabelSchema(List.of());

    private final List<TopicDef> topics;
    private final Map<String, TopicDef> byKey = new LinkedHashMap<>();

    public LabelSchema(List<TopicDef> topics) {
        List<TopicDef> sorted = new ArrayList<>(topics);
        sorted.sort(Comparator.comparingInt(TopicDef::position).thenComparing(TopicDef::key, NaturalOrder.INSTANCE));
        this.topics = List.copyOf(sorted);
        for (TopicDef t : this.topics) {
            byKey.put(t.key(), t);
        }
    }

    /** The topics in schema order. */
    public List<TopicDef> topics() {
        return topics;
    }

    public boolean isEmpty() {
        return topics.isEmpty();
    }

    public boolean contains(String key) {
        return byKey.containsKey(key);
    }

    public Optional<TopicDef> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** What people read for a topic key; a key outside the schema reads as its default name. */
    public String name(String key) {
        TopicDef t = byKey.get(key);
        return t != null ? t.name() : TopicDef.defaultName(key);
    }

    /** The topic a key labels, if any. */
    public Optional<TopicDef> byHotkey(String hotkey) {
        String k = Hotkeys.normalise(hotkey);
        return k == null ? Optional.empty() : topics.stream().filter(t -> k.equals(t.hotkey())).findFirst();
    }

    /** Schema order for known keys (first), natural order for the rest. */
    public Comparator<String> order() {
        return (a, b) -> {
            TopicDef x = byKey.get(a);
            TopicDef y = byKey.get(b);
            if (x != null && y != null) {
                return Integer.compare(x.position(), y.position());
            }
            if (x != null || y != null) {
                return x != null ? -1 : 1;
            }
            return NaturalOrder.INSTANCE.compare(a, b);
        };
    }

    /** {@code keys} sorted by {@link #order()}. */
    public List<String> sorted(java.util.Collection<String> keys) {
        List<String> out = new ArrayList<>(keys);
        out.sort(order());
        return out;
    }
}
