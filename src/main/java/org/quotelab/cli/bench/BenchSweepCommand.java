package org.quotelab.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.quotelab.cli.Json;
import org.quotelab.domain.cascade.CascadeDecision;
import org.quotelab.domain.cascade.CascadeScores;
import org.quotelab.domain.cascade.ThresholdSweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The threshold slider's cost: a full sweep over cached cascade outputs, against the naive way
 * (a complete end-to-end report at every threshold) in the same run on the same data.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Threshold sweep over cached probabilities: ms per sweep, against re-evaluating at every threshold.")
final class BenchSweepCommand implements Callable<Integer> {

    @Option(names = "--quotes", defaultValue = "100000")
    int quotes;
    @Option(names = "--thresholds", defaultValue = "1000")
    int thresholds;
    @Option(names = "--topics", defaultValue = "10")
    int topics;
    @Option(names = "--repeats", defaultValue = "20")
    int repeats;
    @Option(names = "--json")
    boolean json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CascadeScores scores = synthetic(quotes, topics, 11);
        double[] grid = ThresholdSweep.grid(thresholds);
        for (int i = 0; i < 3; i++) {
            ThresholdSweep.run(scores, grid);
        }
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            ThresholdSweep.run(scores, grid);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        // The naive baseline re-scores all quotes per threshold; time a slice of the grid and scale.
        int naiveSteps = Math.min(grid.length, 50);
        long t0 = System.nanoTime();
        for (int j = 0; j < naiveSteps; j++) {
            ThresholdSweep.report(scores, grid[j * (grid.length - 1) / Math.max(1, naiveSteps - 1)],
                    CascadeDecision.ARGMAX_ONLY);
        }
        double naiveMs = (System.nanoTime() - t0) / 1e6 * grid.length / naiveSteps;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("quotes", quotes);
        r.put("thresholds", grid.length);
        r.put("sweep_ms_median", ms[ms.length / 2]);
        r.put("sweep_ms_max", ms[ms.length - 1]);
        r.put("naive_ms", naiveMs);
        r.put("ratio", naiveMs / ms[ms.length / 2]);
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.MAPPER.writeValueAsString(r));
        } else {
            w.printf(Locale.ROOT, "%d quotes, %d thresholds, %d topics%n", quotes, grid.length, topics);
            w.printf(Locale.ROOT, "incremental sweep     median %8.1f ms   max %8.1f ms%n", ms[ms.length / 2], ms[ms.length - 1]);
            w.printf(Locale.ROOT, "report per threshold         %8.1f ms   (%.0fx slower)%n", naiveMs, naiveMs / ms[ms.length / 2]);
        }
        w.flush();
        return 0;
    }

    /** Random but realistic cached outputs: in-topic quotes score higher, stage 2 right 70% of the time. */
    static CascadeScores synthetic(int n, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] p = new double[n];
        double[] p0 = new double[n];
        int[] s2 = new int[n];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = rnd.nextDouble() < 0.15 ? 0 : 1 + rnd.nextInt(k);
            double base = truth[i] == 0 ? 0.3 : 0.75;
            p[i] = Math.min(1, Math.max(0, base + (rnd.nextDouble() - 0.5) * 0.6));
            s2[i] = rnd.nextDouble() < 0.7 ? truth[i] : rnd.nextInt(k + 1);
            p0[i] = s2[i] == 0 ? 0.5 + rnd.nextDouble() * 0.5 : rnd.nextDouble() * 0.5;
        }
        List<String> names = new ArrayList<>();
        for (int t = 1; t <= k; t++) {
            names.add("topic" + t);
        }
        return new CascadeScores(names, p, p0, s2, truth, 10);
    }
}
