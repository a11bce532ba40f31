package org.quotelab.domain.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The keys Review offers for topics, in the order they are handed out: digits 1 to 9, then the
 * letters. 0 stays "out-of-topic" (class 0 of stage 1). A topic keeps its key once given: new
 * topics take the first free one, so keys never move when a file adds topics.
 */
public final class Hotkeys {
    /** 0 = out-of-topic; letters Z (undo with Ctrl) and others stay usable because Review reads plain keys only. */
    public static final String OUT_OF_TOPIC = "0";
    private static final List<String> ORDER;

    static {
        List<String> keys = new ArrayList<>();
        for (char c = '1'; c <= '9'; c++) {
            keys.add(String.valueOf(c));
        }
        for (char c = 'a'; c <= 'z'; c++) {
            keys.add(String.valueOf(c));
        }
        ORDER = List.copyOf(keys);
    }

    private Hotkeys() {
    }

    /** Every key a topic can have, in hand-out order. */
    public static List<String> all() {
        return ORDER;
    }

    /** The first key not in {@code taken}, or null when all are used. */
    public static String firstFree(Collection<String> taken) {
        for (String k : ORDER) {
            if (!taken.contains(k)) {
                return k;
            }
        }
        return null;
    }

    /** The canonical form of a key typed by a person ("A" -> "a"), or null when it cannot be a topic key. */
    public static String normalise(String key) {
        if (key == null) {
            return null;
        }
        String k = key.trim().toLowerCase(Locale.ROOT);
        return ORDER.contains(k) ? k : null;
    }
}
