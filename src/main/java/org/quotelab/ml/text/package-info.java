/**
 * From text to model input: the Hugging Face tokenizer ({@link org.quotelab.ml.text.QuoteTokenizer}),
 * encoded examples, and the length-grouped batches padded only to their longest member that
 * training and inference both use. Arrays of a batch are created in the batch's own manager. May
 * use DJL (arrays and the tokenizer) and {@code domain}; nothing else of {@code ml}.
 */
package org.quotelab.ml.text;
