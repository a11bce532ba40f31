package org.quotelab.domain.quote;

/** Whose label a quote carries now (the current label's last editor), as Review filters it. */
public enum LabelledBy {
    ANYONE, ME, OTHERS, NOBODY;

    /** The name of a stored choice, or ANYONE for a missing or unknown one. */
    public static LabelledBy parse(String name) {
        if (name != null) {
            for (LabelledBy b : values()) {
                if (b.name().equalsIgnoreCase(name.trim())) {
                    return b;
                }
            }
        }
        return ANYONE;
    }
}
