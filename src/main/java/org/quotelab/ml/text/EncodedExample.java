package org.quotelab.ml.text;

/**
 * One tokenized quote with its class index (or -1 when unlabelled). Token ids already include
 * the special tokens and are truncated to the maximum length; padding happens per batch.
 */
public record EncodedExample(long[] ids, long[] typeIds, int label) {

    public EncodedExample {
        if (ids.length == 0 || ids.length != typeIds.length) {
            throw new IllegalArgumentException("ids and type ids must be non-empty and of equal length");
        }
    }

    public int length() {
        return ids.length;
    }

    public EncodedExample withLabel(int newLabel) {
        return new EncodedExample(ids, typeIds, newLabel);
    }
}
