/**
 * Fine-tuning of sequence classifiers whose forward takes
 * NDList(inputIds, attentionMask, tokenTypeIds) and returns NDList(logits [B, C]): the training
 * loop, AdamW, losses, gradients, schedules, the NaN guard, the configuration, the listener and
 * {@link org.quotelab.ml.train.FineTuneRun} from labelled texts to a saved version. Every array that
 * takes part in autograd is built so that libtorch owns its memory: see
 * docs/decisions/0004-fine-tuning.md. May use DJL, {@code ml.model}, {@code ml.text},
 * {@code ml.versions}, {@code ml.infer} (validation scores), {@code ml.bert}, {@code ml.weights}
 * and {@code domain}; never {@code ml.continual}.
 */
package org.quotelab.ml.train;
