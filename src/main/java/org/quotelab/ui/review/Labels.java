package org.quotelab.ui.review;

import java.util.Locale;
import org.quotelab.domain.project.LabelSchema;
import org.quotelab.domain.project.TopicDef;
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
        return label(l, LabelSchema.EMPTY);
    }

    /** The label with its topic named as the project's schema names it. */
    static String label(QuoteLabel l, LabelSchema schema) {
        if (l == null) {
            return "\u2014";
        }
        return l.inTopic() ? (l.topic() == null ? "in-topic" : schema.name(l.topic())) : "out-of-topic";
    }

    static String current(CurrentLabel c) {
        return current(c, LabelSchema.EMPTY);
    }

    static String current(CurrentLabel c, LabelSchema schema) {
        return c == null ? "\u2014" : label(c.label(), schema);
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

    /** A topic outside any schema: numeric ids (the seed's topic ids) read "topic 543". */
    static String topicName(String topic) {
        return TopicDef.defaultName(topic);
    }

    static QuoteLabel predicted(Prediction p) {
        return new QuoteLabel(p.predictedLabel(), p.predictedLabel() == 1 ? p.predictedTopic() : null);
    }
}
