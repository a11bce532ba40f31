package org.quotelab.service.training;

import org.quotelab.ml.train.BertModels;

/**
 * The names of the built-in base models a fine-tune can start from, for option defaults above the
 * service layer; any other value is a Hugging Face or model version folder.
 */
public final class BaseModels {
    /** all-MiniLM-L6-v2 from the bundled jar: the product's default. */
    public static final String BUNDLED = BertModels.BUNDLED;
    /** A small randomly initialised BERT: seconds per run, for tests and smoke runs. */
    public static final String TINY = BertModels.TINY;

    private BaseModels() {
    }
}
