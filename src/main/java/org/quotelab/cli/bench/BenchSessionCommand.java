package org.quotelab.cli.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quotelab.cli.Json;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.versions.ModelFolders;
import org.quotelab.service.AppHome;
import org.quotelab.service.Workbench;
import org.quotelab.service.cascade.CascadeConfig;
import org.quotelab.service.continual.UpdateSettings;
import org.quotelab.service.jobs.Job;
import org.quotelab.service.jobs.JobRunner;
import org.quotelab.service.models.CascadePair;
import org.quotelab.service.training.FineTuneRequest;
import org.quotelab.service.training.UpdateRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A new user's session in one process, through the app's own services and job runner: a fresh
 * data folder imports the bundled sample days, trains the first model, evaluates it on every
 * batch, refreshes Monitoring and runs one update with the Training view's defaults. Each phase
 * gets its own resident peak (the high-water mark is reset between phases); the session's peak
 * is the largest.
 */
@Command(name = "session", mixinStandardHelpOptions = true,
        description = "Peak memory of a new user's session: sample days, first model, evaluation, Monitoring, one update.")
public final class BenchSessionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--epochs", defaultValue = "0", paramLabel = "N",
            description = "Epochs of every fine-tune of the first model and of the update (0 = the app's recipe).")
    int epochs;

    @Option(names = "--base", defaultValue = BertModels.BUNDLED, hidden = true,
            description = "Base model of the fine-tunes (default ${DEFAULT-VALUE}; tiny checks the plumbing quickly).")
    String base;

    @Option(names = "--home", paramLabel = "DIR",
            description = "An empty data folder to use and keep (default: a temporary one, removed afterwards).")
    Path home;

    /** One phase's figures. */
    record Phase(String name, double seconds, long peakRssMb, long endRssMb, long heapCommittedMb,
                 PhaseWatch.Peak sampled) {
    }

    @FunctionalInterface
    private interface Step {
        void run(Workbench wb) throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        Path root = home != null ? home : Files.createTempDirectory("quotelab-session");
        if (home != null && Files.isDirectory(home)) {
            try (var entries = Files.list(home)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(home + " is not empty: a session starts from a new data folder");
                }
            }
        }
        boolean perPhase = ResidentMemory.resetPeak();
        List<Phase> phases = new ArrayList<>();
        long startRss = ResidentMemory.currentMb();
        try (Workbench wb = Workbench.open(new AppHome(root), new JobRunner(Workbench.JOB_THREADS))) {
            phase(phases, wb, "import", w -> await(w, "sample days", w.sampleDays().importJob()));
            phase(phases, wb, "first_training", w -> await(w, "first model", w.training().fineTune(firstModel(), e -> {
            })));
            phase(phases, wb, "evaluation", w -> {
                CascadePair pair = w.cascades().active().orElseThrow();
                await(w, "evaluation", (p, c) -> w.evaluator().evaluate(pair, List.of(), p, c));
            });
            phase(phases, wb, "monitoring", w -> await(w, "monitoring", w.monitoring().refresh()));
            phase(phases, wb, "update", w -> await(w, "update", w.training().update(update(), e -> {
            })));
        } finally {
            if (home == null) {
                ModelFolders.deleteTree(root);
            }
        }
        print(phases, startRss, perPhase);
        return 0;
    }

    private FineTuneRequest firstModel() {
        FineTuneRequest app = FineTuneRequest.defaults();
        FineTuneRequest d = new FineTuneRequest(app.stages(), CascadeConfig.defaults(base), app.device());
        if (epochs <= 0) {
            return d;
        }
        CascadeConfig c = d.config();
        return new FineTuneRequest(d.stages(), c.withStages(c.stage1().toBuilder().epochs(epochs).build(),
                c.stage2().toBuilder().epochs(epochs).build()), d.device());
    }

    private UpdateRequest update() {
        UpdateRequest app = UpdateRequest.defaults();
        UpdateRequest d = new UpdateRequest(app.batchIds(), app.strategy(), UpdateSettings.defaults(base), app.gate(),
                app.device());
        if (epochs <= 0) {
            return d;
        }
        return new UpdateRequest(d.batchIds(), d.strategy(), d.settings().withUpdateSteps(epochs,
                d.settings().update().learningRate()), d.gate(), d.device());
    }

    private static void phase(List<Phase> phases, Workbench wb, String name, Step step) throws Exception {
        ResidentMemory.resetPeak();
        long t0 = System.nanoTime();
        PhaseWatch watch = new PhaseWatch(() -> runningStep(wb));
        try {
            step.run(wb);
        } finally {
            watch.close();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1048576;
        Phase done = new Phase(name, seconds, ResidentMemory.peakMb(), ResidentMemory.currentMb(), committed,
                watch.peak());
        phases.add(done);
        // the session takes long: each phase's figures as soon as it ends
        System.err.printf(Locale.ROOT, "phase %s: %.0f s, peak RSS %d MB (sampled %d MB, heap %d MB, during: %s), end %d MB%n",
                name, seconds, done.peakRssMb(), done.sampled().rssMb(), done.sampled().heapCommittedMb(),
                done.sampled().step(), done.endRssMb());
    }

    /** The progress message of the job running now (the session runs one at a time). */
    private static String runningStep(Workbench wb) {
        return wb.jobs().running().stream().map(h -> h.progress().message()).filter(m -> m != null && !m.isBlank())
                .findFirst().orElse("");
    }

    /** Runs the job on the app's job runner, as the views do, and waits for it. */
    private static <T> T await(Workbench wb, String title, Job<T> job) throws Exception {
        return wb.jobs().submit(title, job).result().get();
    }

    private void print(List<Phase> phases, long startRss, boolean perPhase) throws Exception {
        long peak = phases.stream().mapToLong(Phase::peakRssMb).max().orElse(-1);
        long maxHeap = Runtime.getRuntime().maxMemory() / 1048576;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("peak_rss_mb", peak);
            o.put("peak_phase", phases.stream().filter(p -> p.peakRssMb() == peak).map(Phase::name).findFirst()
                    .orElse(""));
            o.put("fine_tune_peak_rss_mb", phases.stream().filter(p -> p.name().equals("first_training"))
                    .mapToLong(Phase::peakRssMb).findFirst().orElse(-1));
            o.put("epochs", epochs <= 0 ? "app default" : epochs);
            o.put("start_rss_mb", startRss);
            o.put("max_heap_mb", maxHeap);
            o.put("per_phase_peaks", perPhase);
            List<Map<String, Object>> list = new ArrayList<>();
            for (Phase p : phases) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("phase", p.name());
                m.put("seconds", Math.round(p.seconds() * 10) / 10.0);
                m.put("peak_rss_mb", p.peakRssMb());
                m.put("end_rss_mb", p.endRssMb());
                m.put("heap_committed_mb", p.heapCommittedMb());
                m.put("max_heap_committed_mb", p.sampled().maxHeapCommittedMb());
                m.put("sampled_peak_rss_mb", p.sampled().rssMb());
                m.put("heap_committed_at_peak_mb", p.sampled().heapCommittedMb());
                m.put("step_at_peak", p.sampled().step());
                list.add(m);
            }
            o.put("phases", list);
            out.println(Json.MAPPER.writeValueAsString(o));
        } else {
            out.printf(Locale.ROOT, "a new user's session (%s), max heap %d MB, RSS at start %d MB%n",
                    epochs <= 0 ? "the app's recipe" : epochs + " epoch(s) per fine-tune", maxHeap, startRss);
            out.printf(Locale.ROOT, "%-16s %9s %14s %13s %14s%n", "phase", "seconds", "peak RSS (MB)", "end RSS (MB)",
                    "heap (MB)");
            for (Phase p : phases) {
                out.printf(Locale.ROOT, "%-16s %9.1f %14d %13d %14d%n", p.name(), p.seconds(), p.peakRssMb(),
                        p.endRssMb(), p.heapCommittedMb());
            }
            for (Phase p : phases) {
                out.printf(Locale.ROOT, "%-16s peak sampled at %d MB (heap %d MB) during: %s%n", p.name(),
                        p.sampled().rssMb(), p.sampled().heapCommittedMb(), p.sampled().step());
            }
            out.printf(Locale.ROOT, "session peak RSS %d MB (goal <= 2500)%s%n", peak,
                    perPhase ? "" : "; the peaks are since the start (this kernel cannot reset them)");
        }
        out.flush();
    }
}
