package org.quotelab.store;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The canonical form of a topic read from a file, so that one topic is one name in the store.
 * <ul>
 * <li>Numbers are topic ids. The seed's pandas export writes them as floats ("602.0"), other tools
 * as integers ("602"): both are stored as "602". Zero ("0", "0.0") is the seed's "no topic". A
 * number that is not a whole, non-negative value ("602.5", "-3") is an error, never rounded.</li>
 * <li>In a column whose name ends in "_id" (the seed's topic_id) only numbers are allowed; "nan",
 * pandas' missing value, counts as empty.</li>
 * <li>In any other topic column (e.g. "topic") a non-numeric value is a topic name, kept as
 * written apart from surrounding spaces: "Battery" and "battery" stay two topics.</li>
 * </ul>
 */
final class TopicValue {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

    /** Why a value was refused; the caller adds file, line and column. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    private TopicValue() {
    }

    /** True when the column holds numeric topic ids rather than names (the seed's "topic_id"). */
    static boolean isIdColumn(String header) {
        return header.trim().toLowerCase(Locale.ROOT).endsWith("_id");
    }

    /**
     * The canonical topic, or null for "no topic" (empty, zero, or "nan" in an id column).
     *
     * @throws Invalid when the value cannot be a topic of that column
     */
    static String canonical(String raw, boolean idColumn) throws Invalid {
        String v = raw.trim();
        if (v.isEmpty() || idColumn && v.equalsIgnoreCase("nan")) {
            return null;
        }
        if (!NUMBER.matcher(v).matches()) {
            if (idColumn) {
                throw new Invalid("a topic id must be a whole number (0 = no topic), not '" + shorten(v) + "'");
            }
            return v;
        }
        BigDecimal d = new BigDecimal(v);
        if (d.signum() == 0) {
            return null;
        }
        if (d.signum() < 0 || d.stripTrailingZeros().scale() > 0) {
            throw new Invalid("a topic id must be a whole number of at least 1 (0 = no topic), not '" + shorten(v) + "'");
        }
        return d.toBigIntegerExact().toString();
    }

    /** True when {@code raw} is a zero id: the seed's way of writing "no topic". */
    static boolean isZero(String raw) {
        String v = raw.trim();
        return NUMBER.matcher(v).matches() && new BigDecimal(v).signum() == 0;
    }

    static String shorten(String v) {
        return v.length() <= 40 ? v : v.substring(0, 40) + "...";
    }
}
