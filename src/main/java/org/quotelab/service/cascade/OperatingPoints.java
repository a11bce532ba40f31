package org.quotelab.service.cascade;

import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.SettingsRepository;

/** The operating point in force: the analyst's stored one, else the cascade's recommendation. */
public final class OperatingPoints {

    private OperatingPoints() {
    }

    public static OperatingPoint current(QuoteStore store, CascadeModel model) {
        OperatingPoint recommended = model.operatingPoint();
        SettingsRepository s = store.settings();
        return new OperatingPoint(s.getDouble(SettingsRepository.STAGE1_THRESHOLD, recommended.threshold()),
                s.getDouble(SettingsRepository.CLASS0_THRESHOLD, recommended.class0Threshold()));
    }

    /** Stores both thresholds together; call inside the caller's transaction when there is one. */
    public static void store(QuoteStore store, OperatingPoint p) {
        store.settings().putDouble(SettingsRepository.STAGE1_THRESHOLD, p.threshold());
        store.settings().putDouble(SettingsRepository.CLASS0_THRESHOLD, p.class0Threshold());
    }
}
