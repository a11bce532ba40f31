package org.quotelab.service.monitoring;

import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.service.cascade.CascadeModel;

/** One quote of a batch with its label (null when unlabelled) and the cascade's prediction (null when unscored). */
record ScoredQuote(Quote quote, QuoteLabel label, Prediction prediction) {

    /** The true cascade class: "0" for out-of-topic, else the topic; null when unlabelled. */
    String truth() {
        return label == null ? null : label.inTopic() ? label.topic() : CascadeModel.NOT_PERTINENT;
    }

    /** The predicted cascade class in the same terms; null when unscored. */
    String predicted() {
        return predictedClass(prediction);
    }

    static String predictedClass(Prediction p) {
        if (p == null) {
            return null;
        }
        return p.predictedLabel() == 0 || p.predictedTopic() == null ? CascadeModel.NOT_PERTINENT : p.predictedTopic();
    }

    boolean evaluable() {
        return label != null && prediction != null;
    }

    boolean correct() {
        return evaluable() && truth().equals(predicted());
    }
}
