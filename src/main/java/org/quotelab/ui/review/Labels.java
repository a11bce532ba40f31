package org.quotelab.ui.review;

import java.util.Locale;
import org.quotelab.domain.quote.CurrentLabel;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.QuoteLabel;

/** How labels, sources and predictions read in the Review view. */
final class Labels {
    static final String NOT_SCORED = "not scored";

    private Labels() {
    }

    static String label(QuoteLabel l) {
        if (l == null) {
            return "\u2014";
        }
        return l.inTopic() ? (l.topic() == null ? "in-topic" : topicName(l.topic())) : "out-of-topic";
    }

    static String current(CurrentLabel c) {
        return c == null ? "\u2014" : label(c.label());
    }

    static String source(LabelSource s) {
        if (s == null) {
            return "";
        }
        return switch (s) {
            case IMPORTED -> "imported";
            case EXPERT -> "expert";
            case MODEL_ACCEPTED -> "model accepted";
        };
    }

    /** The cascade's decision and confidence as one line, e.g. "not pertinent 72%", at the stage-1 threshold. */
    static String prediction(Prediction p, double threshold) {
        if (p == null) {
            return NOT_SCORED;
        }
        return PredictionCell.Decision.of(p, threshold).text() + "  " + percent(p.confidence());
    }

    /** A probability as a whole percentage; "<1%" and ">99%" rather than a misleading 0% or 100%. */
    static String percent(double p) {
        if (p > 0 && p < 0.005) {
            return "<1%";
        }
        if (p < 1 && p > 0.995) {
            return ">99%";
        }
        return String.format(Locale.ROOT, "%.0f%%", 100 * p);
    }

    /**
     * The unfamiliar score: its distance, marked when beyond the cut-off; "unknown" for a stage 1
     * without feature statistics, empty when the quote is not scored.
     */
    static String unfamiliar(Prediction p) {
        if (p == null) {
            return "";
        }
        if (p.unfamiliar() == null) {
            return "unknown";
        }
        String d = String.format(Locale.ROOT, "%.1f", p.unfamiliar());
        return Boolean.TRUE.equals(p.unfamiliarFlag()) ? "\u26a0 " + d : d;
    }

    /** Numeric topics (the seed's topic ids) read better with a prefix. */
    static String topicName(String topic) {
        return topic.matches("\\d+") ? "topic " + topic : topic;
    }

    static QuoteLabel predicted(Prediction p) {
        return new QuoteLabel(p.predictedLabel(), p.predictedLabel() == 1 ? p.predictedTopic() : null);
    }
}
