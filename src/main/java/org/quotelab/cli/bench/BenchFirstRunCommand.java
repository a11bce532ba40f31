package org.quotelab.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quotelab.cli.Json;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.domain.jobs.JobCancelledException;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.ml.versions.ModelFolders;
import org.quotelab.service.AppHome;
import org.quotelab.service.Workbench;
import org.quotelab.service.imports.SampleDays;
import org.quotelab.service.jobs.JobRunner;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.service.training.FineTuneRequest;
import org.quotelab.service.training.TrainingEvent;
import org.quotelab.service.training.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The first start as the app runs it, in a fresh temporary data folder: open the store, import
 * the bundled sample days, train the quick-start model, and score the first page of Review.
 * {@code seconds_to_first_prediction} runs from opening the folder to that page's predictions.
 * The full fine-tune that follows in the app is cancelled unless {@code --full} asks to wait for it.
 */
@Command(name = "first-run", mixinStandardHelpOptions = true,
        description = "Time the first start on the sample days: seconds until the first predictions show.")
final class BenchFirstRunCommand implements Callable<Integer> {

    private static final int FIRST_PAGE = 100;

    @Option(names = "--full", description = "also wait for the full fine-tune and report whether it replaced the quick model")
    boolean full;
    @Option(names = "--json")
    boolean json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path home = Files.createTempDirectory("quotelab-first-run");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("cores", Runtime.getRuntime().availableProcessors());
        long t0 = System.nanoTime();
        try (JobRunner runner = new JobRunner(Workbench.JOB_THREADS);
             Workbench wb = Workbench.open(new AppHome(home), runner)) {
            r.put("seconds_open", seconds(t0));
            SampleDays.Outcome imported = wb.sampleDays().importJob().run(ProgressSink.NONE, CancellationToken.none());
            r.put("sample_days", imported.days().size());
            r.put("quotes", imported.rows());
            r.put("seconds_import", seconds(t0));
            CancellationToken cancel = new CancellationToken();
            double[] serving = {Double.NaN, Double.NaN};
            Long firstBatch = wb.store().batches().list().get(0).id();
            List<QuoteRow> rows = wb.store().quotes().review(QuoteFilter.all().withBatch(firstBatch), 0, FIRST_PAGE).items();
            r.put("first_page_quotes", rows.size());
            TrainingOutcome outcome = null;
            try {
                outcome = wb.training().quickStart(FineTuneRequest.defaults(), e -> {
                    if (e instanceof TrainingEvent.Serving) {
                        serving[0] = seconds(t0);
                        // what Review does when it shows the first page: score it with the serving model
                        try {
                            wb.predictions().ensureScored(rows, ProgressSink.NONE, CancellationToken.none());
                        } catch (java.io.IOException ex) {
                            throw new java.io.UncheckedIOException(ex);
                        }
                        serving[1] = seconds(t0);
                        if (!full) {
                            cancel.cancel(); // the full fine-tune stops at its first step
                        }
                    }
                }).run(ProgressSink.NONE, cancel);
            } catch (JobCancelledException expected) {
                // the quick model serves; only the full fine-tune was cancelled
            }
            r.put("seconds_to_model_serving", serving[0]);
            r.put("seconds_to_first_prediction", serving[1]);
            if (outcome != null) {
                r.put("seconds_to_full_model", seconds(t0));
                r.put("full_model_replaced_quick", outcome.activated());
                r.put("full_model_summary", outcome.summary());
            }
            wb.activeModels().stage1().ifPresent(v -> r.put("serving", v.statusReason()));
            // on a machine other processes load, the wall clock says little: the CPU time this run needed does
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                r.put("process_cpu_seconds", Math.round(os.getProcessCpuTime() / 1e7) / 100.0);
            }
            r.put("load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            ModelFolders.deleteTree(home);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.MAPPER.writeValueAsString(r));
        } else {
            r.forEach((k, v) -> w.printf(Locale.ROOT, "%-30s %s%n", k, v));
        }
        w.flush();
        return 0;
    }

    private static double seconds(long from) {
        return Math.round((System.nanoTime() - from) / 1e7) / 100.0;
    }
}
