package org.quotelab.service.cascade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.ml.infer.LoadedModels;
import org.quotelab.service.Json;
import org.quotelab.store.QuoteStore;

/**
 * Registers a trained cascade's two versions in the store and finds the active cascade again.
 * A cascade folder holds stage1/ and stage2/; each stage's version row points at its folder.
 */
public final class CascadeVersions {


    /** The active pair of versions and the folder they came from. */
    public record Active(ModelVersion stage1, ModelVersion stage2, Path folder) {
    }

    private final QuoteStore store;
    private final LoadedModels models; // null: this instance only reads and registers candidates

    /** Reads the active cascade and registers candidates; cannot activate. */
    public CascadeVersions(QuoteStore store) {
        this(store, null);
    }

    /** {@code models}: where an activation closes the versions it replaced. */
    public CascadeVersions(QuoteStore store, LoadedModels models) {
        this.store = store;
        this.models = models;
    }

    /**
     * Records both stages as candidates, or registers and activates them through
     * {@link CascadeActivation} (weights checked first, one transaction, recommended operating point).
     */
    public Active register(Path folder, boolean activate) throws IOException {
        if (activate) {
            if (models == null) {
                throw new IllegalStateException("activating a cascade needs the loaded models it replaces");
            }
            return new CascadeActivation(store, models).register(folder, "trained cascade " + folder.getFileName());
        }
        Rows rows = rows(folder, CascadeModel.read(folder));
        // both stages or neither: a crash between two writes must not leave half a cascade behind
        return store.inOneTransaction(() -> create(rows));
    }

    /** What the two version rows of a cascade folder hold; read from disk before the transaction. */
    record Rows(Path folder, Long parent1, Long parent2, String path1, String path2, String prov1, String prov2,
                String metrics) {
    }

    Rows rows(Path folder, CascadeModel m) throws IOException {
        Long parent1 = store.models().active(1).map(ModelVersion::id).orElse(null);
        Long parent2 = store.models().active(2).map(ModelVersion::id).orElse(null);
        return new Rows(folder, parent1, parent2, folder.resolve(m.stage1()).toAbsolutePath().toString(),
                folder.resolve(m.stage2()).toAbsolutePath().toString(), provenance(folder.resolve(m.stage1())),
                provenance(folder.resolve(m.stage2())), Json.MAPPER.writeValueAsString(m));
    }

    /** Creates both candidate rows; call inside a transaction. */
    Active create(Rows r) {
        ModelVersion s1 = store.models().create(1, r.parent1(), r.path1(), r.prov1(), r.metrics());
        ModelVersion s2 = store.models().create(2, r.parent2(), r.path2(), r.prov2(), r.metrics());
        return new Active(s1, s2, r.folder());
    }

    /**
     * The active pair, its paths on this machine: a pair trained on another machine of a team is
     * restored from the store first ({@link SharedModels}).
     */
    public Optional<Active> active() {
        Optional<ModelVersion> s1 = store.models().active(1);
        Optional<ModelVersion> s2 = store.models().active(2);
        if (s1.isEmpty() || s2.isEmpty()) {
            return Optional.empty();
        }
        try {
            ModelVersion one = SharedModels.local(store, s1.get());
            ModelVersion two = SharedModels.local(store, s2.get());
            return Optional.of(new Active(one, two, Path.of(one.path()).getParent()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot restore the active cascade from the store: "
                    + e.getMessage(), e);
        }
    }

    private static String provenance(Path version) throws IOException {
        Path p = version.resolve("provenance.json");
        return Files.isRegularFile(p) ? Files.readString(p) : "{}";
    }
}
