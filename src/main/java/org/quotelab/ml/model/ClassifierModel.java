package org.quotelab.ml.model;

import ai.djl.nn.Parameter;
import java.io.IOException;
import java.util.Map;
import org.quotelab.ml.text.TextEncoder;

/**
 * A classifier with what it takes to save it as a Hugging Face compatible version: its net, its
 * parameters under HF tensor names, its config.json fields and its tokenizer.
 */
public interface ClassifierModel extends AutoCloseable {

    ClassifierNet net();

    /** Parameters by Hugging Face name (bert.embeddings..., classifier.weight), in a stable order. */
    Map<String, Parameter> hfParameters();

    /** The architecture part of config.json (sizes, model_type, ...); labels are added on save. */
    Map<String, Object> hfConfig();

    TextEncoder encoder();

    /** The tokenizer.json to copy into a version, or null for models without one (tests). */
    byte[] tokenizerJson() throws IOException;

    @Override
    void close();
}
