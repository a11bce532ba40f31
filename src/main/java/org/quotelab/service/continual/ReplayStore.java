package org.quotelab.service.continual;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.quotelab.domain.continual.ReplayMemory;
import org.quotelab.domain.quote.ReplayEntry;
import org.quotelab.store.QuoteStore;

/**
 * A stage's replay memory persisted in the store: its quote ids in store.replay(), and the count of
 * quotes offered so far (needed to continue reservoir sampling) in a setting.
 */
final class ReplayStore {

    private final QuoteStore store;
    private final int stage;
    private final Strategy strategy;

    ReplayStore(QuoteStore store, int stage, Strategy strategy) {
        this.store = store;
        this.stage = stage;
        this.strategy = strategy;
    }

    private String seenKey() {
        return "continual.replay.seen.stage" + stage;
    }

    /** The stored memory; a first update fills it from the whole history, as if it had been kept all along. */
    ReplayMemory load(List<LabelledQuote> history, List<String> labelOrder) {
        Map<Long, LabelledQuote> byId = index(history);
        List<ReplayMemory.Entry> entries = new ArrayList<>();
        for (ReplayEntry e : store.replay().list(stage)) {
            LabelledQuote q = byId.get(e.quoteId());
            if (q != null && labelOrder.contains(q.label()) && entries.size() < strategy.replayCapacity()) {
                entries.add(new ReplayMemory.Entry(q.id(), labelOrder.indexOf(q.label())));
            }
        }
        long seen = store.settings().get(seenKey()).map(Long::parseLong).orElse(0L);
        ReplayMemory memory = new ReplayMemory(strategy.replayCapacity(), strategy.replaySelection(), entries, seen);
        if (entries.isEmpty() && !history.isEmpty()) {
            memory = memory.offer(history.stream().filter(q -> labelOrder.contains(q.label()))
                    .map(q -> new ReplayMemory.Entry(q.id(), labelOrder.indexOf(q.label()))).toList(), stage);
        }
        return memory;
    }

    List<LabelledQuote> quotes(ReplayMemory memory, List<LabelledQuote> history) {
        Map<Long, LabelledQuote> byId = index(history);
        return memory.entries().stream().map(e -> byId.get(e.quoteId())).filter(Objects::nonNull).toList();
    }

    void save(ReplayMemory memory) {
        store.replay().replace(stage, memory.entries().stream()
                .map(e -> new ReplayEntry(stage, e.quoteId(), 1.0)).toList());
        store.settings().put(seenKey(), Long.toString(memory.seen()));
    }

    private static Map<Long, LabelledQuote> index(List<LabelledQuote> quotes) {
        Map<Long, LabelledQuote> m = new HashMap<>();
        quotes.forEach(q -> m.put(q.id(), q));
        return m;
    }
}
