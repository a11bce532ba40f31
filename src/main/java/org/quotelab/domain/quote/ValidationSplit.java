package org.quotelab.domain.quote;

/**
 * Decides which quotes form a batch's held-out validation part. A hash of the external id keeps
 * the choice stable across re-imports and machines, independent of row order.
 */
public final class ValidationSplit {
    /** Share of each batch held out for validation. */
    public static final int PERCENT = 20;

    private ValidationSplit() {
    }

    public static boolean isValidation(String externalId) {
        long h = 0xcbf29ce484222325L; // FNV-1a, then a murmur finaliser to spread short ids
        for (int i = 0; i < externalId.length(); i++) {
            h ^= externalId.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return Math.floorMod(h, 100) < PERCENT;
    }
}
