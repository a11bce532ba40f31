package org.quotelab.service.models;

import org.quotelab.ml.infer.LoadedModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.ml.versions.ModelVersions;
import org.quotelab.service.cascade.CascadeActivation;
import org.quotelab.service.cascade.CascadeModel;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.cascade.OperatingPoints;
import org.quotelab.domain.project.LabelSchema;
import org.quotelab.store.QuoteStore;

/**
 * The Models view's use cases: list versions, promote a version together with its cascade
 * partner, roll back, export. Every method reads or writes the store: call them from jobs.
 *
 * <p>Roll back returns to the versions that were active before the last activation, whatever made
 * it (remembered in the settings per stage by {@link CascadeActivation}), so a second roll-back
 * undoes the first. Without that memory (a store from before it was kept) it returns to the
 * active version's parent, which training and updates set to the version they replaced.
 */
public final class ModelAdmin {
    static final String PREVIOUS = CascadeActivation.PREVIOUS;

    private final QuoteStore store;
    private final Cascades cascades;
    private final LoadedModels models;

    /** {@code models}: where a promotion or a roll-back closes the versions it replaced. */
    public ModelAdmin(QuoteStore store, LoadedModels models) {
        this.store = store;
        this.models = models;
        this.cascades = new Cascades(store);
    }

    /** Versions of both stages, newest first. */
    public List<VersionInfo> versions() {
        List<VersionInfo> out = new ArrayList<>();
        List<CascadePair> pairs = cascades.list();
        List<ModelVersion> all = new ArrayList<>(store.models().list(1));
        all.addAll(store.models().list(2));
        all.sort((a, b) -> Long.compare(b.id(), a.id()));
        for (ModelVersion v : all) {
            Long partner = pairs.stream().filter(p -> p.stage1().id() == v.id() || p.stage2().id() == v.id())
                    .map(p -> p.stage1().id() == v.id() ? p.stage2().id() : p.stage1().id()).findFirst().orElse(null);
            out.add(VersionInfo.of(v, partner));
        }
        return out;
    }

    /** Activating {@code versionId} and, when it belongs to a cascade, the other stage of that cascade. */
    public ActivationPlan promotion(long versionId) {
        Optional<ModelVersion> v = store.models().find(versionId);
        if (v.isEmpty()) {
            return ActivationPlan.impossible("Promote", "no version " + versionId);
        }
        List<ModelVersion> targets = new ArrayList<>();
        Optional<CascadePair> pair = cascades.of(versionId);
        if (pair.isPresent()) {
            targets.add(pair.get().stage1());
            targets.add(pair.get().stage2());
        } else {
            targets.add(v.get());
        }
        return plan("Promote", targets);
    }

    public ActivationPlan rollback() {
        List<ModelVersion> targets = new ArrayList<>();
        for (int stage = 1; stage <= 2; stage++) {
            Optional<ModelVersion> active = store.models().active(stage);
            if (active.isEmpty()) {
                continue;
            }
            Long back = store.settings().get(PREVIOUS + stage).map(Long::valueOf)
                    .filter(id -> id != active.get().id()).orElse(active.get().parentId());
            Optional<ModelVersion> target = back == null ? Optional.empty() : store.models().find(back);
            if (target.isEmpty()) {
                return ActivationPlan.impossible("Roll back", "stage " + stage + " version v" + active.get().id()
                        + " has no earlier active version");
            }
            targets.add(target.get());
        }
        return targets.isEmpty() ? ActivationPlan.impossible("Roll back", "no active version") : plan("Roll back", targets);
    }

    private ActivationPlan plan(String action, List<ModelVersion> targets) {
        List<ActivationPlan.Change> changes = new ArrayList<>();
        ModelVersion[] after = {null, store.models().active(1).orElse(null), store.models().active(2).orElse(null)};
        for (ModelVersion t : targets) {
            ModelVersion from = store.models().active(t.stage()).orElse(null);
            if (from == null || from.id() != t.id()) {
                changes.add(new ActivationPlan.Change(t.stage(), from, t));
            }
            after[t.stage()] = t;
        }
        return new ActivationPlan(action, changes, changes.isEmpty() ? null : pointChange(after[1], after[2]), null);
    }

    /**
     * A cascade's thresholds were tuned on its own calibrated probabilities: when the stages made
     * active are one trained cascade, its recommended operating point comes with them.
     */
    private ActivationPlan.PointChange pointChange(ModelVersion s1, ModelVersion s2) {
        if (s1 == null || s2 == null) {
            return null;
        }
        Path folder = Path.of(s1.path()).getParent();
        if (folder == null || !folder.equals(Path.of(s2.path()).getParent())) {
            return null;
        }
        try {
            OperatingPoint to = CascadeModel.read(folder).operatingPoint();
            Optional<CascadeVersions.Active> active = new CascadeVersions(store).active();
            OperatingPoint from = null;
            if (active.isPresent()) {
                from = OperatingPoints.current(store, CascadeModel.read(active.get().folder()));
            }
            return to.equals(from) ? null : new ActivationPlan.PointChange(from, to,
                    new CascadeVersions.Active(s1, s2, folder));
        } catch (IOException e) {
            return null; // not a cascade folder (or gone): the stored point stays
        }
    }

    /**
     * Applies a plan made by {@link #promotion} or {@link #rollback} through the one activation
     * path: weights checked first, then both stages, the remembered versions and the operating
     * point in one transaction, refused if the active versions changed since the plan was shown.
     */
    public void apply(ActivationPlan plan) throws IOException {
        if (!plan.possible()) {
            throw new IllegalStateException(plan.describe());
        }
        List<CascadeActivation.Switch> switches = plan.changes().stream()
                .map(c -> new CascadeActivation.Switch(c.stage(), c.from(), c.to())).toList();
        CascadeActivation.Point point = plan.point() == null ? null
                : new CascadeActivation.Point(plan.point().to(), plan.point().pair());
        new CascadeActivation(store, models).activate(switches, plan.action().toLowerCase() + " in the Models view", point);
    }

    /** One stage that {@link #rollbackToParents} made active again. */
    public record RolledBack(int stage, ModelVersion was, ModelVersion now) {
    }

    /**
     * {@code quotelab update --rollback}: each stage's active version hands over to its parent,
     * stage 1 first. Unlike {@link #rollback()} it ignores what the Models view remembered, so a
     * script always walks up the version tree; {@code done} hears of each stage as it switches,
     * so a failure on stage 2 still reports stage 1.
     */
    public void rollbackToParents(Consumer<RolledBack> done) throws IOException {
        List<ModelVersion> actives = new ArrayList<>();
        List<ModelVersion> parents = new ArrayList<>();
        for (int stage = 1; stage <= 2; stage++) {
            ModelVersion active = store.models().active(stage)
                    .orElseThrow(() -> new IllegalStateException("no active model to roll back"));
            if (active.parentId() == null) {
                throw new IllegalStateException("stage " + active.stage() + " version " + active.id() + " has no parent");
            }
            actives.add(active);
            parents.add(store.models().find(active.parentId()).orElseThrow());
        }
        // both stages through the one activation path: weights checked, one transaction
        List<ModelVersion> back = new CascadeActivation(store, models).activate(parents, "rolled back with update --rollback");
        for (int i = 0; i < back.size(); i++) {
            done.accept(new RolledBack(back.get(i).stage(), actives.get(i), back.get(i)));
        }
    }

    /**
     * Writes the version's Hugging Face files (config.json, model.safetensors, tokenizer) into a
     * new folder. {@code id2label} carries names: the project's topic names for stage 2,
     * "out-of-topic" / "in-topic" for stage 1; the stored ids stay beside them.
     */
    public Path exportHf(long versionId, Path target) throws IOException {
        ModelVersion v = store.models().find(versionId)
                .orElseThrow(() -> new IllegalArgumentException("no version " + versionId));
        exportHf(store, v, target);
        return target;
    }

    /**
     * As {@link #exportHf(long, Path)} for the version stored at {@code folder}, in whichever
     * project of the data folder holds it (a folder path names a version, the project does not).
     * Empty, and nothing written, when no project has a version at that folder.
     */
    public Optional<ModelVersion> exportHfFolder(Path folder, Path target) throws IOException {
        Path wanted = canonical(folder);
        for (org.quotelab.domain.project.Project p : store.projects().list()) {
            QuoteStore view = p.id() == store.projectId() ? store : store.forProject(p.id());
            for (int stage = 1; stage <= 2; stage++) {
                for (ModelVersion v : view.models().list(stage)) {
                    if (canonical(Path.of(v.path())).equals(wanted)) {
                        exportHf(view, v, target);
                        return Optional.of(v);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static void exportHf(QuoteStore store, ModelVersion v, Path target) throws IOException {
        LabelSchema schema = store.schema().schema();
        ModelVersions.exportHf(Path.of(v.path()), target, label -> v.stage() == 1
                ? ("1".equals(label) ? "in-topic" : "0".equals(label) ? "out-of-topic" : label)
                : schema.contains(label) ? schema.name(label) : label);
    }
}
