package org.quotelab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quotelab.domain.continual.AccuracyMatrix;
import org.quotelab.domain.continual.ReplayMemory;
import org.quotelab.service.continual.Strategy;
import org.quotelab.service.continual.StreamDrift;
import org.quotelab.service.continual.StreamBatch;
import org.quotelab.service.continual.StreamEvaluation;
import org.quotelab.service.continual.UpdateSettings;
import org.quotelab.service.training.BaseModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** quotelab stream-eval: replay a labelled stream and compare continual-learning strategies. */
@Command(name = "stream-eval", mixinStandardHelpOptions = true,
        description = "Replay a labelled stream batch by batch (drift, then learn) and print the accuracy matrix"
                + " and ACC / BWT / FWT / time per update of each strategy.")
public final class StreamEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Option(names = {"--data", "--csv"}, required = true,
            description = "A labelled CSV with a batch column, or a folder of CSV files (one batch each, name order).")
    Path data;
    @Option(names = "--batch-column", defaultValue = "group")
    String batchColumn;
    @Option(names = "--slices", defaultValue = "1", description = "Cut each group into this many consecutive batches.")
    int slices;
    @Option(names = "--strategy", split = ",", defaultValue = "naive,rehearsal,replay,ewc,replay+ewc,full",
            description = "Strategies: naive, rehearsal, replay, ewc, full, or '+' combinations.")
    List<String> strategies;
    @Option(names = "--task", defaultValue = "binary", description = "binary (label column) or topic (in-topic rows).")
    String task;
    @Option(names = "--base", defaultValue = BaseModels.BUNDLED, description = "bundled, tiny or a model folder.")
    String base;
    @Option(names = "--update-epochs", defaultValue = "" + UpdateSettings.DEFAULT_UPDATE_EPOCHS)
    int updateEpochs;
    @Option(names = "--update-lr", defaultValue = "" + UpdateSettings.DEFAULT_UPDATE_LR)
    double updateLr;
    @Option(names = "--full-epochs", defaultValue = "3")
    int fullEpochs;
    @Option(names = "--rehearsal-share", defaultValue = "" + Strategy.DEFAULT_REHEARSAL_SHARE)
    double rehearsalShare;
    @Option(names = "--replay-capacity", defaultValue = "" + Strategy.DEFAULT_REPLAY_CAPACITY)
    int replayCapacity;
    @Option(names = "--replay-selection", defaultValue = "RESERVOIR", description = "RESERVOIR or CLASS_BALANCED")
    ReplayMemory.Selection replaySelection;
    @Option(names = "--ewc-lambda", defaultValue = "" + Strategy.DEFAULT_EWC_LAMBDA)
    double ewcLambda;
    @Option(names = "--ewc-gamma", defaultValue = "" + Strategy.DEFAULT_EWC_GAMMA)
    double ewcGamma;
    @Option(names = "--fisher-samples", defaultValue = "" + UpdateSettings.DEFAULT_FISHER_SAMPLES)
    int fisherSamples;
    @Option(names = "--limit", defaultValue = "0", description = "At most this many rows per batch (0 = all).")
    int limit;
    @Option(names = "--drift", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Check drift before each batch is learned (first strategy only).")
    boolean drift;
    @Option(names = "--work", description = "Folder for the versions of the run (default: a temporary folder).")
    Path work;
    @Option(names = "--json", description = "One JSON object per strategy: strategy, acc, bwt, fwt, seconds_per_update.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<StreamBatch> batches = StreamCsv.read(data, batchColumn, slices, task, limit);
        UpdateSettings settings = UpdateSettings.defaults(base).withFullEpochs(fullEpochs)
                .withUpdateSteps(updateEpochs, updateLr).withFisherSamples(fisherSamples);
        List<Strategy> parsed = new ArrayList<>();
        for (String s : strategies) {
            parsed.add(Strategy.parse(s).withRehearsalShare(rehearsalShare).withReplay(replayCapacity, replaySelection)
                    .withEwc(ewcLambda, ewcGamma));
        }
        Path dir = work != null ? work : Files.createTempDirectory("quotelab-stream-");
        if (!json) {
            w.printf(Locale.ROOT, "%d batches:", batches.size());
            batches.forEach(b -> w.printf(Locale.ROOT, " %s (%d + %d validation)", b.name(), b.train().size(),
                    b.validation().size()));
            w.println();
            w.flush();
        }
        List<StreamEvaluation.StrategyResult> results;
        try (StreamEvaluation replay = StreamEvaluation.onBert(settings, dir, msg -> {
                    err.println(msg);
                    err.flush();
                });
                StreamDrift driftCheck = replay.drift(BaseModels.TINY.equals(base),
                        new StreamDriftPrinter(json ? err : w))) {
            results = replay.run(batches, parsed, task, drift ? driftCheck : null);
        }
        for (StreamEvaluation.StrategyResult r : results) {
            if (json) {
                w.println(Json.MAPPER.writeValueAsString(summary(r)));
            } else {
                print(w, r, batches);
            }
        }
        if (!json) {
            w.printf(Locale.ROOT, "%n%-14s %8s %8s %8s %10s %10s%n", "strategy", "ACC", "BWT", "FWT", "min/update",
                    "last min");
            for (StreamEvaluation.StrategyResult r : results) {
                AccuracyMatrix m = r.matrix();
                w.printf(Locale.ROOT, "%-14s %8.4f %8.4f %8.4f %10.2f %10.2f%n", r.strategy(), m.averageAccuracy(),
                        m.backwardTransfer(), m.forwardTransfer(), r.secondsPerUpdate() / 60,
                        r.seconds()[r.seconds().length - 1] / 60);
            }
        }
        w.flush();
        if (work == null) {
            StreamEvaluation.deleteWorkFolder(dir);
        }
        return 0;
    }

    static Map<String, Object> summary(StreamEvaluation.StrategyResult r) {
        AccuracyMatrix m = r.matrix();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("strategy", r.strategy());
        o.put("acc", m.averageAccuracy());
        o.put("bwt", m.backwardTransfer());
        o.put("fwt", m.forwardTransfer());
        o.put("seconds_per_update", r.secondsPerUpdate());
        o.put("seconds_last_update", r.seconds()[r.seconds().length - 1]);
        o.put("class_forgetting", r.classForgetting());
        o.put("matrix", m.r());
        return o;
    }

    private static void print(PrintWriter w, StreamEvaluation.StrategyResult r, List<StreamBatch> batches) {
        AccuracyMatrix m = r.matrix();
        w.printf(Locale.ROOT, "%n%s: R[i][j] = accuracy on batch j's validation part after learning batch i%n",
                r.strategy());
        w.printf(Locale.ROOT, "%-16s", "after \\ on");
        batches.forEach(b -> w.printf(Locale.ROOT, " %10s", shorten(b.name())));
        w.println();
        for (int i = 0; i < m.batches(); i++) {
            w.printf(Locale.ROOT, "%-16s", shorten(batches.get(i).name()));
            for (int j = 0; j < m.batches(); j++) {
                w.printf(Locale.ROOT, " %10.4f", m.value(i, j));
            }
            w.printf(Locale.ROOT, "   %s%n", i == 0 ? "" : String.format(Locale.ROOT, "%.1f s", r.seconds()[i - 1]));
        }
        w.printf(Locale.ROOT, "ACC %.4f  BWT %.4f  FWT %.4f  per-class forgetting %s%n", m.averageAccuracy(),
                m.backwardTransfer(), m.forwardTransfer(), r.classForgetting());
    }

    private static String shorten(String s) {
        return s.length() <= 10 ? s : s.substring(s.length() - 10);
    }
}
