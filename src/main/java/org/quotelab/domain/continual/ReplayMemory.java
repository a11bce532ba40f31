package org.quotelab.domain.continual;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fixed-size memory of past quotes replayed in each continual update.
 *
 * <p>Reservoir selection keeps a uniform sample of everything seen (Vitter's algorithm R);
 * class-balanced selection keeps as equal a share per class as the data allows, so rare topics
 * are not crowded out by frequent ones. Both are deterministic for a given seed.
 */
public final class ReplayMemory {

    /** One remembered quote: its store id and class. */
    public record Entry(long quoteId, int label) {
    }

    public enum Selection { RESERVOIR, CLASS_BALANCED }

    private final int capacity;
    private final Selection selection;
    private final List<Entry> entries;
    private long seen;

    public ReplayMemory(int capacity, Selection selection, List<Entry> entries, long seen) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        if (entries.size() > capacity) {
            throw new IllegalArgumentException(entries.size() + " entries exceed the capacity " + capacity);
        }
        this.capacity = capacity;
        this.selection = selection;
        this.entries = new ArrayList<>(entries);
        this.seen = Math.max(seen, entries.size());
    }

    public static ReplayMemory empty(int capacity, Selection selection) {
        return new ReplayMemory(capacity, selection, List.of(), 0);
    }

    /** Offers a batch of newly learned quotes; returns this memory, updated. */
    public ReplayMemory offer(List<Entry> batch, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        if (selection == Selection.RESERVOIR) {
            for (Entry e : batch) {
                seen++;
                if (entries.size() < capacity) {
                    entries.add(e);
                } else {
                    long j = rnd.nextLong(seen);
                    if (j < capacity) {
                        entries.set((int) j, e);
                    }
                }
            }
        } else {
            seen += batch.size();
            balance(batch, rnd);
        }
        return this;
    }

    private void balance(List<Entry> batch, SplittableRandom rnd) {
        Map<Integer, List<Entry>> byClass = new LinkedHashMap<>();
        for (Entry e : entries) {
            byClass.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e);
        }
        for (Entry e : batch) {
            byClass.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e);
        }
        // Shuffle within each class so that the kept members are a uniform draw of that class.
        for (List<Entry> members : byClass.values()) {
            for (int i = members.size() - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                Entry t = members.get(i);
                members.set(i, members.get(j));
                members.set(j, t);
            }
        }
        // Water-filling: give each class an equal quota; classes with fewer members free their rest.
        Map<Integer, Integer> quota = new HashMap<>();
        int left = capacity;
        List<Integer> open = new ArrayList<>(byClass.keySet());
        open.sort(Comparator.comparingInt(c -> byClass.get(c).size()));
        for (int idx = 0; idx < open.size(); idx++) {
            int c = open.get(idx);
            int fair = left / (open.size() - idx);
            int take = Math.min(fair, byClass.get(c).size());
            quota.put(c, take);
            left -= take;
        }
        entries.clear();
        for (Map.Entry<Integer, List<Entry>> e : byClass.entrySet()) {
            entries.addAll(e.getValue().subList(0, quota.get(e.getKey())));
        }
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public int capacity() {
        return capacity;
    }

    public Selection selection() {
        return selection;
    }

    /** Quotes offered so far, needed to continue reservoir sampling after a restart. */
    public long seen() {
        return seen;
    }
}
