package org.quotelab.service.cascade;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.store.QuoteStore;

/**
 * Registers a trained cascade's two versions in the store and finds the active cascade again.
 * A cascade folder holds stage1/ and stage2/; each stage's version row points at its folder.
 */
public final class CascadeVersions {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The active pair of versions and the folder they came from. */
    public record Active(ModelVersion stage1, ModelVersion stage2, Path folder) {
    }

    private final QuoteStore store;

    public CascadeVersions(QuoteStore store) {
        this.store = store;
    }

    /** Records both stages as candidates, or activates them at once and stores the recommended operating point. */
    public Active register(Path folder, boolean activate) throws IOException {
        CascadeModel m = CascadeModel.read(folder);
        Long parent1 = store.models().active(1).map(ModelVersion::id).orElse(null);
        Long parent2 = store.models().active(2).map(ModelVersion::id).orElse(null);
        String metrics = JSON.writeValueAsString(m);
        String prov1 = provenance(folder.resolve(m.stage1()));
        String prov2 = provenance(folder.resolve(m.stage2()));
        // both stages or neither: a crash between two writes must not leave half a cascade active
        return store.inOneTransaction(() -> {
            ModelVersion s1 = store.models().create(1, parent1, folder.resolve(m.stage1()).toAbsolutePath().toString(),
                    prov1, metrics);
            ModelVersion s2 = store.models().create(2, parent2, folder.resolve(m.stage2()).toAbsolutePath().toString(),
                    prov2, metrics);
            if (activate) {
                s1 = store.models().activate(s1.id(), "trained cascade " + folder.getFileName());
                s2 = store.models().activate(s2.id(), "trained cascade " + folder.getFileName());
                OperatingPoints.store(store, m.operatingPoint());
            }
            return new Active(s1, s2, folder);
        });
    }

    public Optional<Active> active() {
        Optional<ModelVersion> s1 = store.models().active(1);
        Optional<ModelVersion> s2 = store.models().active(2);
        if (s1.isEmpty() || s2.isEmpty()) {
            return Optional.empty();
        }
        Path folder = Path.of(s1.get().path()).getParent();
        return Optional.of(new Active(s1.get(), s2.get(), folder));
    }

    private static String provenance(Path version) throws IOException {
        Path p = version.resolve("provenance.json");
        return Files.isRegularFile(p) ? Files.readString(p) : "{}";
    }
}
