package org.quotelab.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quotelab.cli.Json;
import org.quotelab.cli.QuoteCsv;
import org.quotelab.domain.unfamiliar.FeatureStatistics;
import org.quotelab.domain.unfamiliar.UnfamiliarShare;
import org.quotelab.ml.infer.Scores;
import org.quotelab.ml.train.UnfamiliarFit;
import org.quotelab.ml.infer.VersionScorer;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.train.DataSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How well the unfamiliar flag separates: the share of in-domain quotes the version never saw
 * that it flags (about 1 - quantile is expected) against the share of unrelated text it flags,
 * each with n and a 95 % Wilson interval. With --fit it first fits the version's statistics as
 * {@code train} does: its training rows, minus the seeded validation split that becomes the
 * held-out set of the cut-off.
 */
@Command(name = "unfamiliar", mixinStandardHelpOptions = true,
        description = "Share of held-out in-domain quotes and of unrelated text flagged as unfamiliar by a stage-1 version.")
final class BenchUnfamiliarCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "A stage-1 version folder (labels 0/1).")
    Path model;
    @Option(names = "--data", required = true, description = "The labelled in-domain CSV.")
    Path data;
    @Option(names = "--text-column", defaultValue = "quote_text")
    String textColumn;
    @Option(names = "--label-column", defaultValue = "label")
    String labelColumn;
    @Option(names = "--filter-column", required = true)
    String filterColumn;
    @Option(names = "--held-out-values", required = true, split = ",",
            description = "Groups of --data the version never saw, e.g. se16_test.")
    List<String> heldOutValues;
    @Option(names = "--unrelated", required = true, description = "CSV of unrelated text (column --text-column).")
    Path unrelated;
    @Option(names = "--fit", description = "Fit and save the version's statistics first (replaces existing ones).")
    boolean fit;
    @Option(names = "--train-values", split = ",", description = "With --fit: the groups the version trained on.")
    List<String> trainValues;
    @Option(names = "--seed", defaultValue = "42", description = "With --fit: the training run's seed.")
    long seed;
    @Option(names = "--validation-fraction", defaultValue = "0.1", description = "With --fit: as in the training run.")
    double validationFraction;
    @Option(names = "--features-out", description = "Also write each set's feature rows as CSV into this folder.")
    Path featuresOut;
    @Option(names = "--json")
    boolean json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        if (fit) {
            fitStatistics(w);
        }
        List<String> inDomain = QuoteCsv.texts(QuoteCsv.read(data, textColumn, null, filterColumn,
                new HashSet<>(heldOutValues)));
        List<String> other = QuoteCsv.texts(QuoteCsv.read(unrelated, textColumn, null, null, null));
        Map<String, Object> out = new LinkedHashMap<>();
        try (VersionScorer scorer = VersionScorer.open(model, 128, 64, ComputeDevice.AUTO)) {
            FeatureStatistics s = scorer.statistics();
            if (s == null) {
                throw new IllegalArgumentException(model + " has no feature statistics: run with --fit and --train-values");
            }
            int positive = scorer.labels().indexOf("1");
            out.put("cutoff", s.cutoff());
            out.put("quantile", s.quantile());
            out.put("fitted_quotes", s.fitted());
            out.put("calibration_quotes", s.heldOut());
            long t0 = System.nanoTime();
            out.put("in_domain", measure(scorer, inDomain, s, positive, "in_domain"));
            out.put("unrelated", measure(scorer, other, s, positive, "unrelated"));
            out.put("seconds", (System.nanoTime() - t0) / 1e9);
        }
        if (json) {
            w.println(Json.MAPPER.writeValueAsString(out));
        } else {
            w.printf(Locale.ROOT, "cut-off %.3f (quantile %.2f of %d held-out quotes; fitted on %d)%n",
                    out.get("cutoff"), out.get("quantile"), out.get("calibration_quotes"), out.get("fitted_quotes"));
            print(w, "in-domain held out (" + String.join(",", heldOutValues) + ")", out.get("in_domain"));
            print(w, "unrelated (" + unrelated.getFileName() + ")", out.get("unrelated"));
        }
        w.flush();
        return 0;
    }

    private void fitStatistics(PrintWriter w) throws Exception {
        if (trainValues == null || trainValues.isEmpty()) {
            throw new IllegalArgumentException("--fit needs --train-values");
        }
        List<QuoteCsv.Row> rows = QuoteCsv.labelled(QuoteCsv.read(data, textColumn, labelColumn, filterColumn,
                new HashSet<>(trainValues)));
        LabelMap labels = LabelMap.fromValues(QuoteCsv.labels(rows));
        int[][] split = DataSplit.stratified(labels.indexes(QuoteCsv.labels(rows)), labels.size(), validationFraction,
                seed);
        List<String> texts = QuoteCsv.texts(rows);
        if (featuresOut != null) {
            try (VersionScorer scorer = VersionScorer.open(model, 128, 64, ComputeDevice.AUTO)) {
                dump("fit", scorer.scores(DataSplit.select(texts, split[0])).features());
                dump("calibration", scorer.scores(DataSplit.select(texts, split[1])).features());
            }
        }
        // the same call as the end of `train`
        FeatureStatistics s = UnfamiliarFit.fitAndSaveWithSplit(model, texts, QuoteCsv.labels(rows),
                validationFraction, seed);
        if (!json) {
            w.printf(Locale.ROOT, "fitted on %d quotes, cut-off from %d held out: %.3f (shrinkage %.3f)%n",
                    s.fitted(), s.heldOut(), s.cutoff(), s.shrinkage());
        }
    }

    private Map<String, Object> measure(VersionScorer scorer, List<String> texts, FeatureStatistics s, int positive,
                                        String name) throws java.io.IOException {
        Scores scores = scorer.scores(texts);
        dump(name, scores.features());
        double[] d = scorer.unfamiliar(scores);
        int flagged = 0;
        int inTopic = 0;
        for (int i = 0; i < d.length; i++) {
            flagged += s.flagged(d[i]) ? 1 : 0;
            inTopic += scores.probabilities()[i][positive] >= 0.5 ? 1 : 0;
        }
        UnfamiliarShare share = new UnfamiliarShare(flagged, d.length, 1 - s.quantile());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", d.length);
        m.put("flagged", flagged);
        m.put("flagged_share", share.share());
        m.put("flagged_share_ci", share.interval());
        m.put("median_distance", d.length == 0 ? Double.NaN : FeatureStatistics.quantile(d, 0.5));
        m.put("in_topic_share_at_0_5", d.length == 0 ? Double.NaN : (double) inTopic / d.length);
        return m;
    }

    private void dump(String name, float[][] features) throws java.io.IOException {
        if (featuresOut == null) {
            return;
        }
        java.nio.file.Files.createDirectories(featuresOut);
        try (java.io.BufferedWriter b = java.nio.file.Files.newBufferedWriter(featuresOut.resolve(name + ".csv"))) {
            for (float[] row : features) {
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < row.length; j++) {
                    sb.append(j == 0 ? "" : ",").append(row[j]);
                }
                b.write(sb.append('\n').toString());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void print(PrintWriter w, String name, Object figures) {
        Map<String, Object> m = (Map<String, Object>) figures;
        double[] ci = (double[]) m.get("flagged_share_ci");
        w.printf(Locale.ROOT, "%-40s n %5d  flagged %5d = %5.1f %% (95 %% CI %.1f-%.1f)  median distance %.2f"
                        + "  P(in-topic) >= 0.5: %.1f %%%n", name, m.get("n"), m.get("flagged"),
                100 * (double) m.get("flagged_share"), 100 * ci[0], 100 * ci[1], m.get("median_distance"),
                100 * (double) m.get("in_topic_share_at_0_5"));
    }
}
