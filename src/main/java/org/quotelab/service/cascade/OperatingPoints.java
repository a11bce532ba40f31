package org.quotelab.service.cascade;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.SettingsRepository;

/** The operating point in force: the analyst's stored one, else the cascade's recommendation. */
public final class OperatingPoints {

    private static final int PAGE = 1000;

    private OperatingPoints() {
    }

    public static OperatingPoint current(QuoteStore store, CascadeModel model) {
        OperatingPoint recommended = model.operatingPoint();
        SettingsRepository s = store.settings();
        return new OperatingPoint(s.getDouble(SettingsRepository.STAGE1_THRESHOLD, recommended.threshold()),
                s.getDouble(SettingsRepository.CLASS0_THRESHOLD, recommended.class0Threshold()));
    }

    /**
     * Stores the operating point and decides the stored predictions of the active cascade again
     * from their cached probabilities (no network), so Review's predicted classes follow at once.
     * One transaction, joined by the caller's: a crash keeps the old point and the old decisions.
     *
     * @return the number of stored predictions decided again
     */
    public static long apply(QuoteStore store, OperatingPoint at) throws IOException {
        return apply(store, at, new CascadeVersions(store).active().orElse(null));
    }

    /**
     * As {@link #apply(QuoteStore, OperatingPoint)} for {@code pair} (null: store the point only),
     * which a caller that activates the pair in the same transaction passes: reads outside the
     * transaction still see the old active pair.
     */
    public static long apply(QuoteStore store, OperatingPoint at, CascadeVersions.Active pair) throws IOException {
        List<String> topics = pair == null ? List.of() : CascadeModel.read(pair.folder()).topics();
        return store.inOneTransaction(() -> {
            store(store, at);
            if (pair == null) {
                return 0L;
            }
            long done = 0;
            long after = 0;
            while (true) {
                Page<Prediction> page = store.predictions().page(pair.stage1().id(), pair.stage2().id(), after, PAGE);
                List<Prediction> again = new ArrayList<>(page.items().size());
                for (Prediction p : page.items()) {
                    again.add(BatchScoring.redecide(p, topics, at));
                }
                store.predictions().saveAll(again);
                done += again.size();
                if (!page.hasMore()) {
                    return done;
                }
                after = page.nextAfterId();
            }
        });
    }

    /** Stores both thresholds together; call inside the caller's transaction when there is one. */
    public static void store(QuoteStore store, OperatingPoint p) {
        store.settings().putDouble(SettingsRepository.STAGE1_THRESHOLD, p.threshold());
        store.settings().putDouble(SettingsRepository.CLASS0_THRESHOLD, p.class0Threshold());
    }
}
