package org.quotelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quotelab.domain.continual.PromotionGate;
import org.quotelab.service.StoreSession;
import org.quotelab.service.continual.ContinualUpdater;
import org.quotelab.service.continual.Strategy;
import org.quotelab.service.continual.UpdateSettings;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.training.BaseModels;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.ml.train.BertModels;
import org.quotelab.service.AppHome;
import org.quotelab.store.QuoteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** quotelab update: continue the active cascade on newly labelled batches, or roll back. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Update the active cascade on newly labelled batches; the candidates become active only if"
                + " the promotion gate lets them (recent metric held, backward transfer above the floor).")
public final class UpdateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    StoreOptions storeOptions;
    @Option(names = "--models", description = "Folder for new versions (default: the data folder's models/).")
    Path models;
    @Option(names = "--batches", split = ",", description = "Batch ids to learn (default: those not learned yet).")
    List<Long> batches;
    @Option(names = "--strategy", defaultValue = Strategy.DEFAULT,
            description = "naive, rehearsal, replay, ewc, full, or a '+' combination (default: ${DEFAULT-VALUE}).")
    String strategy;
    @Option(names = "--base", defaultValue = BaseModels.BUNDLED, description = "Where full retraining starts.")
    String base;
    @Option(names = "--epochs", defaultValue = "" + UpdateSettings.DEFAULT_UPDATE_EPOCHS)
    int epochs;
    @Option(names = "--lr", defaultValue = "" + UpdateSettings.DEFAULT_UPDATE_LR)
    double lr;
    @Option(names = "--bwt-floor", defaultValue = "-0.01")
    double bwtFloor;
    @Option(names = "--recent-tolerance", defaultValue = "0")
    double recentTolerance;
    @Option(names = "--rollback", description = "Activate the parents of the active versions instead of updating.")
    boolean rollback;
    @Option(names = "--json", description = "One JSON object: promoted, and per stage acc, bwt, fwt, recent, reason.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (StoreSession store = storeOptions.open()) {
            int interrupted = store.markInterruptedRuns();
            if (interrupted > 0) {
                err.println(interrupted + " run(s) of an earlier process were marked interrupted");
            }
            if (rollback) {
                return rollback(store, out);
            }
            Path dir = models != null ? models : storeOptions.home().models();
            UpdateSettings settings = UpdateSettings.defaults(base).withUpdateSteps(epochs, lr);
            ContinualUpdater.Request request = new ContinualUpdater.Request(batches == null ? List.of() : batches,
                    Strategy.parse(strategy), settings, new PromotionGate(recentTolerance, bwtFloor));
            ContinualUpdater.Outcome o = store.updater(dir).update(request,
                    (fraction, message) -> {
                        err.printf(Locale.ROOT, "[%3.0f%%] %s%n", Math.max(0, fraction) * 100, message);
                        err.flush();
                    }, new CancellationToken());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("run", o.runId());
            summary.put("folder", o.folder().toString());
            summary.put("promoted", o.promoted());
            for (ContinualUpdater.StageOutcome s : o.stages()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("version", s.candidate().id());
                for (String k : List.of("acc", "bwt", "fwt", "recent", "active_recent", "historical", "class_forgetting")) {
                    m.put(k, s.metrics().get(k));
                }
                m.put("reason", s.decision().reason());
                summary.put("stage" + s.stage(), m);
            }
            if (json) {
                out.println(Json.MAPPER.writeValueAsString(summary));
            } else {
                summary.forEach((k, v) -> out.printf(Locale.ROOT, "%-10s %s%n", k, v));
            }
            out.flush();
            return 0;
        }
    }

    private int rollback(StoreSession store, PrintWriter out) throws java.io.IOException {
        store.models().rollbackToParents(r -> out.printf(Locale.ROOT, "stage %d: version %d active again (was %d)%n",
                r.stage(), r.now().id(), r.was().id()));
        out.flush();
        return 0;
    }
}
