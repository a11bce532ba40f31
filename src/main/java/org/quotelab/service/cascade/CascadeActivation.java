package org.quotelab.service.cascade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.ml.infer.VersionCheck;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.infer.LoadedModels;
import org.quotelab.store.QuoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a model version becomes active: training, updates, promotion, roll-back and
 * {@code cascade score --activate} all come here. First every version to activate is loaded and
 * scores one quote ({@link VersionCheck}); a version that fails activates nothing. Then one
 * transaction switches every stage, remembers what each replaced (for roll-back) and stores the
 * operating point that comes with the pair: a failure or a kill at any point leaves the versions
 * that were active before.
 *
 * <p>It lives in service.cascade, the lowest service package, so that models, continual and
 * training can all use it without a cycle.
 */
public final class CascadeActivation {

    /** Settings key (+ stage) of the version a stage's last activation replaced. */
    public static final String PREVIOUS = "models.previous_active.stage";
    private static final Logger LOG = LoggerFactory.getLogger(CascadeActivation.class);

    /** The operating point stored with the activation; {@code pair} null stores it without re-deciding predictions. */
    public record Point(OperatingPoint to, CascadeVersions.Active pair) {
    }

    /** One stage's switch as a caller showed it: {@code from} (null: none) must still be active. */
    public record Switch(int stage, ModelVersion from, ModelVersion to) {
    }

    private final QuoteStore store;
    private final LoadedModels models;

    /** {@code models}: where the versions an activation replaces are closed. */
    public CascadeActivation(QuoteStore store, LoadedModels models) {
        this.store = store;
        this.models = models;
    }

    /** Registers a cascade folder's two stages and activates them with its recommended operating point. */
    public CascadeVersions.Active register(Path folder, String reason) throws IOException {
        return register(folder, reason, null, null);
    }

    /**
     * As {@link #register(Path, String)}, recording in the same transaction what each stage saw
     * ({@link SeenQuotes}); null for a stage trained outside the store.
     */
    public CascadeVersions.Active register(Path folder, String reason, SeenQuotes.Training seen1,
                                           SeenQuotes.Training seen2) throws IOException {
        CascadeModel m = CascadeModel.read(folder);
        check(List.of(folder.resolve(m.stage1()), folder.resolve(m.stage2())));
        CascadeVersions versions = new CascadeVersions(store);
        CascadeVersions.Rows rows = versions.rows(folder, m);
        List<Path> replaced = new ArrayList<>();
        List<ModelVersion> on = inTransaction(() -> {
            CascadeVersions.Active created = versions.create(rows);
            if (seen1 != null && seen2 != null) {
                new SeenQuotes(store).record(created.stage1(), seen1);
                new SeenQuotes(store).record(created.stage2(), seen2);
            }
            return switchTo(List.of(created.stage1(), created.stage2()), null, reason,
                    new Point(m.operatingPoint(), null), replaced);
        }, replaced);
        return new CascadeVersions.Active(on.get(0), on.get(1), folder);
    }

    /** Activates existing versions (at most one per stage), whatever is active now. */
    public List<ModelVersion> activate(List<ModelVersion> targets, String reason) throws IOException {
        check(localPaths(targets));
        List<Path> replaced = new ArrayList<>();
        return inTransaction(() -> switchTo(targets, null, reason, null, replaced), replaced);
    }

    /**
     * Applies switches shown to the user; refuses when the active versions changed since.
     *
     * @param point null keeps the stored operating point
     */
    public List<ModelVersion> activate(List<Switch> switches, String reason, Point point) throws IOException {
        List<ModelVersion> targets = switches.stream().map(Switch::to).toList();
        Map<Integer, ModelVersion> expected = new HashMap<>();
        switches.forEach(s -> expected.put(s.stage(), s.from()));
        check(localPaths(targets));
        List<Path> replaced = new ArrayList<>();
        return inTransaction(() -> switchTo(targets, expected, reason, point, replaced), replaced);
    }

    /** The versions' folders on this machine: one trained on another machine of a team is restored first. */
    private List<Path> localPaths(List<ModelVersion> versions) throws IOException {
        List<Path> out = new ArrayList<>();
        for (ModelVersion v : versions) {
            out.add(Path.of(SharedModels.local(store, v).path()));
        }
        return out;
    }

    /** On the device the versions will serve from once active. */
    private static void check(List<Path> versions) throws IOException {
        for (Path v : versions) {
            VersionCheck.check(v, ComputeDevice.AUTO);
        }
    }

    /**
     * The body runs inside one transaction; IO failures inside travel as UncheckedIOException.
     * Once it committed, the loaded models of the versions it replaced are closed.
     */
    private List<ModelVersion> inTransaction(java.util.function.Supplier<List<ModelVersion>> body,
                                             List<Path> replaced) throws IOException {
        List<ModelVersion> on;
        try {
            on = store.inOneTransaction(body);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        // logged once committed, so the log never claims a switch that was rolled back
        on.forEach(v -> LOG.info("stage {}: v{} active ({})", v.stage(), v.id(), v.statusReason()));
        models.retire(replaced);
        return on;
    }

    /** Must run inside the caller's transaction: reads here see what was committed before it. */
    private List<ModelVersion> switchTo(List<ModelVersion> targets, Map<Integer, ModelVersion> expected,
                                        String reason, Point point, List<Path> replaced) {
        if (targets.isEmpty() || targets.stream().map(ModelVersion::stage).distinct().count() != targets.size()) {
            throw new IllegalArgumentException("activate one version per stage, at least one: " + targets);
        }
        ModelVersion[] before = new ModelVersion[3];
        for (ModelVersion t : targets) {
            before[t.stage()] = store.models().active(t.stage()).orElse(null);
            if (expected != null && id(before[t.stage()]) != id(expected.get(t.stage()))) {
                throw new IllegalStateException("the active versions changed since this was shown; look again");
            }
        }
        List<ModelVersion> out = new ArrayList<>();
        for (ModelVersion t : targets) {
            ModelVersion from = before[t.stage()];
            ModelVersion now = store.models().activate(t.id(), reason + (from == null ? "" : " (was v" + from.id() + ")"));
            if (now.stage() != t.stage()) {
                throw new IllegalStateException("version " + t.id() + " is of stage " + now.stage() + ", not " + t.stage());
            }
            if (from != null && from.id() != now.id()) {
                store.settings().put(PREVIOUS + now.stage(), String.valueOf(from.id()));
                replaced.add(Path.of(from.path()));
            }
            out.add(now);
        }
        if (point != null) {
            try {
                OperatingPoints.apply(store, point.to(), point.pair());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static long id(ModelVersion v) {
        return v == null ? -1 : v.id();
    }
}
