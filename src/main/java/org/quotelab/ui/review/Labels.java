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

    static String prediction(Prediction p) {
        return prediction(p, LabelSchema.EMPTY);
    }

    static String prediction(Prediction p, LabelSchema schema) {
        if (p == null) {
            return NOT_SCORED;
        }
        String what = p.predictedLabel() == 0 ? "out-of-topic"
                : p.predictedTopic() == null ? "in-topic" : schema.name(p.predictedTopic());
        return String.format(Locale.ROOT, "%s  %.0f%%", what, 100 * p.confidence());
    }

    /** A topic outside any schema: numeric ids (the seed's topic ids) read "topic 543". */
    static String topicName(String topic) {
        return TopicDef.defaultName(topic);
    }

    static QuoteLabel predicted(Prediction p) {
        return new QuoteLabel(p.predictedLabel(), p.predictedLabel() == 1 ? p.predictedTopic() : null);
    }
}
