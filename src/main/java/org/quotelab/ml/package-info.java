/**
 * The only layer that touches DJL, split by job: {@code ml.bert} (the BERT blocks),
 * {@code ml.weights} (weight files), {@code ml.text} (tokenization and batches), {@code ml.model}
 * (the classifier and its factories), {@code ml.versions} (version folders and provenance),
 * {@code ml.train} (fine-tuning), {@code ml.continual} (continual updates and EWC) and
 * {@code ml.infer} (scoring), and the layer's one JSON mapper ({@code ml.Json}). Depends on
 * domain only.
 */
package org.quotelab.ml;
