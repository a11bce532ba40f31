package org.quotelab.ml.weights;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.text.QuoteTokenizer;
import org.quotelab.ml.model.QuoteClassifier;
import org.quotelab.ml.model.QuoteClassifiers;

/**
 * The bundled MiniLM, loaded once per test JVM and shared by the test classes that need it
 * (loading costs 1-2 s). It is never closed explicitly; the JVM exit frees it.
 */
final class BundledModel {

    private static QuoteClassifier classifier;

    private BundledModel() {
    }

    static synchronized QuoteClassifier get() {
        if (classifier == null) {
            try {
                classifier = QuoteClassifiers.bundledMiniLm(3, 7L, QuoteTokenizer.DEFAULT_MAX_TOKENS, ComputeDevice.AUTO);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classifier;
    }
}
