package org.quotelab.service.cascade;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.VersionQuoteRepository;

/**
 * What each model version saw: the quotes it trained on and the quotes its temperatures and
 * operating point were fitted on. Written once when a version is registered (full training,
 * continual update), in the registering transaction; read by every evaluation to keep figures on
 * quotes a cascade never saw apart from figures on quotes it learned.
 */
public final class SeenQuotes {

    /**
     * The quotes one new version saw.
     *
     * @param trained    quotes it learned from
     * @param calibrated quotes its temperatures or operating point were fitted on
     * @param inherits   a version whose quotes it saw too (a parent it continues, a stage it copies), or null
     */
    public record Training(Collection<Long> trained, Collection<Long> calibrated, ModelVersion inherits) {
        public Training {
            trained = List.copyOf(trained);
            calibrated = List.copyOf(calibrated);
        }
    }

    /**
     * What a cascade pair saw.
     *
     * @param ids      the quotes either stage trained or was calibrated on
     * @param recorded false when a stage was registered from a folder trained outside the store:
     *                 what it saw is unknown, and only the store's validation part is safe
     */
    public record Seen(Set<Long> ids, boolean recorded) {
        public Seen {
            ids = Set.copyOf(ids);
        }

        public boolean contains(long quoteId) {
            return ids.contains(quoteId);
        }
    }

    private final QuoteStore store;

    public SeenQuotes(QuoteStore store) {
        this.store = store;
    }

    /** Records what {@code version} saw; joins the caller's transaction. */
    public void record(ModelVersion version, Training t) {
        store.inOneTransaction(() -> {
            VersionQuoteRepository r = store.versionQuotes();
            r.record(version.id(), VersionQuoteRepository.TRAINED, t.trained());
            r.record(version.id(), VersionQuoteRepository.CALIBRATED, t.calibrated());
            if (t.inherits() != null) {
                r.inherit(version.id(), t.inherits().id());
            }
            return null;
        });
    }

    /** What the pair saw together. */
    public Seen of(ModelVersion stage1, ModelVersion stage2) {
        VersionQuoteRepository r = store.versionQuotes();
        Set<Long> ids = new HashSet<>(r.quoteIds(stage1.id()));
        ids.addAll(r.quoteIds(stage2.id()));
        return new Seen(ids, r.recorded(stage1.id()) && r.recorded(stage2.id()));
    }
}
