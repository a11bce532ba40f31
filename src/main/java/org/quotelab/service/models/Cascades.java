package org.quotelab.service.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.store.QuoteStore;

/**
 * Finds the cascades among the stored model versions. The store keeps versions per stage only;
 * both stages of a cascade live in one folder and are registered one after the other, so a
 * stage-1 version is paired with the first later stage-2 version of the same folder.
 */
public final class Cascades {

    private final QuoteStore store;

    public Cascades(QuoteStore store) {
        this.store = store;
    }

    /** Every cascade, newest first. Reads the store: call it from a job. */
    public List<CascadePair> list() {
        List<ModelVersion> s1 = new ArrayList<>(store.models().list(1));
        List<ModelVersion> s2 = new ArrayList<>(store.models().list(2));
        s1.sort(Comparator.comparingLong(ModelVersion::id));
        s2.sort(Comparator.comparingLong(ModelVersion::id));
        List<CascadePair> out = new ArrayList<>();
        for (ModelVersion a : s1) {
            Path folder = folder(a);
            for (ModelVersion b : s2) {
                if (b.id() > a.id() && folder.equals(folder(b))) {
                    out.add(new CascadePair(a, b, folder));
                    s2.remove(b);
                    break;
                }
            }
        }
        out.sort(Comparator.comparingLong((CascadePair p) -> p.stage1().id()).reversed());
        return out;
    }

    /** The cascade a version of either stage belongs to. */
    public Optional<CascadePair> of(long versionId) {
        return list().stream().filter(p -> p.stage1().id() == versionId || p.stage2().id() == versionId).findFirst();
    }

    public Optional<CascadePair> active() {
        return list().stream().filter(CascadePair::active).findFirst();
    }

    static Path folder(ModelVersion v) {
        Path p = Path.of(v.path()).toAbsolutePath().normalize().getParent();
        return p == null ? Path.of(v.path()) : p;
    }
}
