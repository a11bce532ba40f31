package org.quotelab.service;

import java.util.Optional;
import org.quotelab.store.SettingsRepository;

/**
 * What the workbench remembers between starts (the last view, the Review filters), kept in the
 * store's settings so it travels with the data folder. Every method reads or writes the store:
 * call them from jobs.
 */
public final class Preferences {
    static final String LAST_VIEW = "ui.last-view";
    static final String REVIEW_FILTER = "ui.review.filter";

    private final SettingsRepository settings;

    public Preferences(SettingsRepository settings) {
        this.settings = settings;
    }

    public Optional<String> lastView() {
        return settings.get(LAST_VIEW);
    }

    public void setLastView(String view) {
        settings.put(LAST_VIEW, view);
    }

    /** The Review filters as saved by {@link ReviewFilters#encode()}. */
    public ReviewFilters reviewFilters() {
        return settings.get(REVIEW_FILTER).map(ReviewFilters::decode).orElse(ReviewFilters.NONE);
    }

    public void setReviewFilters(ReviewFilters filters) {
        settings.put(REVIEW_FILTER, filters.encode());
    }
}
