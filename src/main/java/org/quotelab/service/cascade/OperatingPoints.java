package org.quotelab.service.cascade;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quotelab.domain.cascade.CascadePrediction;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.SettingsRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating point in force: the analyst's stored one, else the cascade's recommendation. The
 * only place that decides this, so Review, scoring and evaluation never disagree on a threshold.
 */
public final class OperatingPoints {
    private static final Logger LOG = LoggerFactory.getLogger(OperatingPoints.class);
    private static final int PAGE = 1000;

    /**
     * What applies with nothing stored and no cascade to recommend: stage 1 at even odds and stage
     * 2's argmax, the seed's rule.
     */
    public static final OperatingPoint UNTUNED = OperatingPoint.argmax(0.5);

    private OperatingPoints() {
    }

    public static OperatingPoint current(QuoteStore store, CascadeModel model) {
        return current(store, model.operatingPoint());
    }

    /**
     * The point in force for the active cascade. Without one, or when its folder cannot be read,
     * the stored thresholds else {@link #UNTUNED}: views that only show thresholds must still open.
     */
    public static OperatingPoint current(QuoteStore store) {
        Optional<CascadeVersions.Active> active = new CascadeVersions(store).active();
        OperatingPoint recommended = UNTUNED;
        if (active.isPresent()) {
            try {
                recommended = CascadeModel.read(active.get().folder()).operatingPoint();
            } catch (IOException e) {
                LOG.warn("cannot read the active cascade in {}: its recommended point is not known",
                        active.get().folder(), e);
            }
        }
        return current(store, recommended);
    }

    private static OperatingPoint current(QuoteStore store, OperatingPoint recommended) {
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
                    again.add(CascadePrediction.redecide(p, topics, at));
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
