/**
 * BERT as DJL blocks (embeddings, encoder layers, pooling, classifier head) and its Hugging Face
 * config. May use DJL, the ml root
 * (JSON) and domain.
 */
package org.quotelab.ml.bert;
