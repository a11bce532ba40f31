/**
 * The only layer that touches DJL, split by job, from the bottom up: {@code ml.weights} (weight
 * files), {@code ml.text} (tokenization and batches) and {@code ml.bert} (the BERT blocks);
 * {@code ml.model} (the classifier, its factories and the device); {@code ml.versions} (version
 * folders and provenance); {@code ml.infer} (scoring); {@code ml.train} (fine-tuning);
 * {@code ml.continual} (continual updates and EWC). Each uses only those before it, and the
 * layer's one JSON mapper ({@code ml.Json}). Depends on domain only.
 */
package org.quotelab.ml;
