package org.quotelab.domain.imports;

import java.util.List;
import java.util.Map;

/**
 * A file brings topics the project's label schema does not have, and the import was not told to
 * add them: nothing was stored. The caller asks the user to add them, map them onto topics of
 * the schema, or cancel. {@code counts}: each unknown topic (as the file writes it, canonical
 * form) with how many rows carry it, in natural order.
 */
public final class UnknownTopicsException extends ImportException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, Long> counts;

    public UnknownTopicsException(String file, Map<String, Long> counts) {
        super(new ImportError(file, 0, null, "topics not in this project's schema: " + String.join(", ",
                counts.keySet()) + "; add them to the schema, map them onto existing topics, or cancel;"
                + " nothing was stored"));
        this.counts = Map.copyOf(counts);
        this.order = List.copyOf(counts.keySet());
    }

    private final List<String> order;

    /** The unknown topics, in the order the message lists them. */
    public List<String> topics() {
        return order;
    }

    /** Rows per unknown topic. */
    public long rows(String topic) {
        return counts.getOrDefault(topic, 0L);
    }
}
