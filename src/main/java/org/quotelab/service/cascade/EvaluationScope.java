package org.quotelab.service.cascade;

import java.util.List;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteRow;

/**
 * Which labelled quotes a figure is computed on, relative to what the cascade saw in training and
 * calibration. Every evaluation defaults to {@link #HELD_OUT} and names its scope on screen and
 * in JSON, so a figure on seen quotes is never mistaken for one on new data.
 */
public enum EvaluationScope {
    /** Quotes neither stage trained or was calibrated on: the figure that holds on new data. */
    HELD_OUT("held-out"),
    /** Only quotes the cascade trained or was calibrated on: optimistic by construction. */
    SEEN("seen"),
    /** Every labelled quote; the label says how many of them were seen. */
    ALL("all");

    /** The scope of `cascade evaluate` and `evaluate` on a CSV: whatever the file holds. */
    public static final String EXTERNAL_FILE = "external file";

    private final String word;

    EvaluationScope(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /**
     * The rows of this scope. When what the cascade saw is not recorded, held-out means the store's
     * validation part (no store training path learns it) and seen means the rest.
     */
    public List<QuoteRow> select(List<QuoteRow> rows, SeenQuotes.Seen seen) {
        return this == ALL ? rows : rows.stream().filter(r -> keeps(r.quote(), seen)).toList();
    }

    /** Whether {@code q} belongs to this scope. */
    public boolean keeps(Quote q, SeenQuotes.Seen seen) {
        return switch (this) {
            case ALL -> true;
            case HELD_OUT -> seen.recorded() ? !seen.contains(q.id()) : q.validation();
            case SEEN -> seen.recorded() ? seen.contains(q.id()) : !q.validation();
        };
    }

    /** The words shown with a figure: "held-out", "seen", "all (includes 412 seen)". */
    public String label(List<QuoteRow> selected, SeenQuotes.Seen seen) {
        if (!seen.recorded()) {
            return switch (this) {
                case HELD_OUT -> "held-out (validation part; training quotes not recorded)";
                case SEEN -> "seen (training part; training quotes not recorded)";
                case ALL -> "all (training quotes not recorded)";
            };
        }
        if (this == ALL) {
            long n = selected.stream().filter(r -> seen.contains(r.quote().id())).count();
            return "all (includes " + n + " seen)";
        }
        return word;
    }

    /** A short name for a choice box. */
    public String choice() {
        return switch (this) {
            case HELD_OUT -> "Held-out quotes (never seen)";
            case SEEN -> "Seen quotes (trained or calibrated on)";
            case ALL -> "All labelled quotes";
        };
    }
}
