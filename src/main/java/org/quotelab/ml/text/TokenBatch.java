package org.quotelab.ml.text;

/** A padded batch in row-major [batch, length] layout, ready to become int64 arrays. */
public record TokenBatch(int batch, int length, long[] inputIds, long[] attentionMask, long[] tokenTypeIds) {

    /** Number of real (non-padding) tokens. */
    public long realTokens() {
        long n = 0;
        for (long m : attentionMask) {
            n += m;
        }
        return n;
    }
}
