/**
 * The only layer that touches DJL and PyTorch: the BERT encoder, weight loaders, tokenization,
 * training and scoring, and the ml layer's one JSON mapper. May use domain only.
 */
package org.quotelab.ml;
