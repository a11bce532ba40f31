package org.quotelab.domain.quote;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes a valid annotator name: the name every label change records and batches are
 * assigned to. Trimmed, not empty, at most {@link #MAX_LENGTH} characters (the store's column),
 * no commas (lists of names are comma-separated) and no control characters.
 */
public final class AnnotatorNames {
    public static final int MAX_LENGTH = 200;

    private AnnotatorNames() {
    }

    /** The trimmed name; throws with a message saying what is wrong. */
    public static String check(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("an annotator name must not be empty");
        }
        if (n.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("annotator name longer than " + MAX_LENGTH + " characters: "
                    + n.substring(0, 20) + "...");
        }
        if (n.indexOf(',') >= 0) {
            throw new IllegalArgumentException("an annotator name must not contain a comma: " + n);
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("an annotator name must not contain control characters");
        }
        return n;
    }

    /** "ann, bob" -> [ann, bob]: each checked, duplicates dropped, order kept; blank = none. */
    public static List<String> parseList(String names) {
        Set<String> out = new LinkedHashSet<>();
        if (names != null && !names.isBlank()) {
            for (String part : names.split(",", -1)) {
                out.add(check(part));
            }
        }
        return new ArrayList<>(out);
    }
}
