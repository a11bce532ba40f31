package org.quotelab.store;

/**
 * Remembers which quote ids a file has shown so far, as 64-bit hashes mapped to their line, in
 * primitive arrays: about 24 bytes per row instead of a few hundred for a HashMap of strings.
 * A hit is only a candidate duplicate; the caller confirms it against the stored rows.
 */
final class IdIndex {
    private long[] keys = new long[1 << 12];
    private long[] lines = new long[1 << 12];
    private boolean[] used = new boolean[1 << 12];
    private int size;

    /** Records {@code id} at {@code line}; returns the earlier line of the same hash, or -1. */
    long putIfAbsent(String id, long line) {
        long h = hash(id);
        int mask = keys.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (used[i]) {
            if (keys[i] == h) {
                return lines[i];
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = h;
        lines[i] = line;
        if (++size * 2 > keys.length) {
            grow();
        }
        return -1;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldLines = lines;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        lines = new long[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldUsed[j]) {
                int i = (int) (oldKeys[j] ^ (oldKeys[j] >>> 32)) & mask;
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                keys[i] = oldKeys[j];
                lines[i] = oldLines[j];
            }
        }
    }

    static long hash(String s) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        return h ^ (h >>> 31) ^ s.length();
    }

}
