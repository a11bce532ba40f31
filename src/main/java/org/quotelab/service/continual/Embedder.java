package org.quotelab.service.continual;

import java.util.List;

/** Sentence embeddings (L2-normalised) for the input-drift test. */
@FunctionalInterface
public interface Embedder {

    float[][] embed(List<String> texts);
}
