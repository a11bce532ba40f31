/**
 * Fine-tuning and evaluation of sequence classifiers whose forward takes
 * NDList(inputIds, attentionMask, tokenTypeIds) and returns NDList(logits [B, C]).
 * Every array that takes part in autograd is built so that libtorch owns its memory: see
 * docs/decisions/0004-fine-tuning.md.
 */
package org.quotelab.ml.train;
