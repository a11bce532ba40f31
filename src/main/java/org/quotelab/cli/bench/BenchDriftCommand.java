package org.quotelab.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.quotelab.cli.Json;
import org.quotelab.cli.bench.DriftBenchData.Quote;
import org.quotelab.domain.drift.MultipleTesting;
import org.quotelab.ml.infer.Scorer;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.FineTuner;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.service.continual.BertEmbedder;
import org.quotelab.service.continual.DriftCheck;
import org.quotelab.service.sample.SampleDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * quotelab bench drift: how often the product's drift check ({@link DriftCheck}) alerts on a
 * stream without drift (the same quotes shuffled into random batches), and how often it catches
 * planted drift (the sample data's drifting days, and batches with a topic's or the out-of-topic
 * share raised). A classifier is fine-tuned here on part of the first two days (or of the file);
 * those quotes never enter a batch, so the reference the model saw is kept apart as in the product.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "False-alarm rate of the drift check on shuffled batches, and its detection of planted drift.")
public final class BenchDriftCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", description = "A labelled quote CSV, or a folder of day CSVs (default: sample-data/).")
    Path data;
    @Option(names = "--text-column", description = "Default: processed_text if present, else quote_text.")
    String textColumn;
    @Option(names = "--label-column", defaultValue = "label", description = "1 in-topic, 0 out-of-topic.")
    String labelColumn;
    @Option(names = "--topic-column", description = "Default: topic_id if present, else topic.")
    String topicColumn;
    @Option(names = "--base", defaultValue = "bundled",
            description = "Classifier fine-tuned for the model-output tests: bundled (MiniLM), tiny, or a version folder.")
    String base;
    @Option(names = "--embedder", defaultValue = "bundled", description = "Encoder of the input test: bundled or tiny.")
    String embedderName;
    @Option(names = "--train-rows", defaultValue = "400", description = "Quotes the classifier learns (kept out of every batch).")
    int trainRows;
    @Option(names = "--epochs", defaultValue = "3")
    int epochs;
    @Option(names = "--seeds", defaultValue = "10", description = "Shuffles of the stream.")
    int seeds;
    @Option(names = "--batch-size", defaultValue = "300", description = "Quotes per batch, as many as the drift check samples a side.")
    int batchSize;
    @Option(names = "--shift", defaultValue = "0.2", description = "Share added to a class in the synthetic batches.")
    double shift;
    @Option(names = "--synthetic-per-seed", defaultValue = "2")
    int syntheticPerSeed;
    @Option(names = "--planted-from", description = "First drifting day of a day folder (default: the sample data's).")
    Integer plantedFrom;
    @Option(names = "--correction", defaultValue = "HOLM", description = "HOLM, BENJAMINI_HOCHBERG or NONE.")
    MultipleTesting.Method correction;
    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter log = json ? spec.commandLine().getErr() : w;
        Path source = DriftBenchData.resolve(data);
        List<Quote> quotes = DriftBenchData.read(DriftBenchData.files(source), textColumn, labelColumn, topicColumn);
        boolean days = quotes.get(0).day() > 0;
        int firstPlanted = plantedFrom != null ? plantedFrom : SampleDataGenerator.DRIFT_DAY;
        // the model learns part of the reference days, as a cascade learns the batches before the ones it watches
        List<Quote> refDays = quotes.stream().filter(q -> !days || q.day() <= 2).toList();
        List<Quote> train = DriftBenchData.shuffled(refDays, 0).subList(0,
                Math.min(trainRows, (int) (0.6 * refDays.size())));
        Set<Integer> trained = new HashSet<>(train.stream().map(Quote::id).toList());
        List<Quote> held = quotes.stream().filter(q -> !trained.contains(q.id())).toList();
        LabelMap labels = LabelMap.fromValues(new TreeSet<>(quotes.stream().map(Quote::cls).toList()));
        List<String> texts = new ArrayList<>(new java.util.LinkedHashSet<>(quotes.stream().map(Quote::text).toList()));
        long t0 = System.nanoTime();
        log.printf(Locale.ROOT, "%d quotes (%d classes), classifier %s fine-tuned on %d, %d held out%n", quotes.size(),
                labels.size(), base, train.size(), held.size());
        log.flush();
        Map<String, float[]> probs = score(train, texts, labels);
        log.printf(Locale.ROOT, "scored %d texts (%.0f s); embedding with %s%n", texts.size(), seconds(t0), embedderName);
        log.flush();
        Map<String, float[]> emb = embed(texts);
        DriftRuns runs = new DriftRuns(t -> t.stream().map(emb::get).toArray(float[][]::new),
                t -> t.stream().map(probs::get).toArray(float[][]::new), labels.labels(),
                DriftCheck.Settings.defaults().withMaxSample(Math.max(300, batchSize)).withCorrection(correction));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", source.toString());
        out.put("quotes", quotes.size());
        out.put("classifier", base + " fine-tuned " + epochs + " epoch(s) on " + train.size() + " quotes"
                + (days ? " of days 1-2" : "") + ", never in a batch");
        out.put("embedder", "bundled".equals(embedderName) ? "bundled all-MiniLM-L6-v2 (pretrained)" : "tiny random BERT");
        out.put("correction", correction.name());
        out.put("alpha", DriftCheck.Settings.defaults().alpha());
        out.put("seeds", seeds);
        out.put("batch_size", batchSize);
        runs.noDrift(held, train, seeds, batchSize, out, log);
        List<Map<String, Object>> dayRows = days ? runs.plantedDays(held, quotes, firstPlanted, seeds, out, log) : List.of();
        runs.synthetic(held, seeds, batchSize, shift, syntheticPerSeed, out, log);
        out.put("planted_drift_source", days ? "days " + firstPlanted + "+ of " + source : "synthetic share shifts");
        String key = days ? "planted_days" : "synthetic";
        for (String k : List.of("_detected_rate", "_detected_rate_ci", "n_")) {
            String from = k.startsWith("n_") ? "n_" + key + "_detected_rate" : key + k;
            String to = k.startsWith("n_") ? "n_planted_drift_detected_rate" : "planted_drift" + k;
            out.put(to, out.get(from));
        }
        out.put("days", dayRows);
        out.put("seconds", Math.round(seconds(t0)));
        if (json) {
            w.println(Json.MAPPER.writeValueAsString(out));
        } else {
            out.forEach((k, v) -> w.printf(Locale.ROOT, "%-40s %s%n", k, v));
        }
        w.flush();
        return 0;
    }

    private Map<String, float[]> score(List<Quote> train, List<String> texts, LabelMap labels) throws Exception {
        TrainingConfig cfg = TrainingConfig.builder().epochs(epochs).batchSize(16).learningRate(5e-5).seed(42).build();
        try (ClassifierModel model = BertModels.open(base, labels.size(), cfg, ComputeDevice.AUTO)) {
            List<EncodedExample> examples = model.encoder().encodeAll(train.stream().map(Quote::text).toList(),
                    labels.indexes(train.stream().map(Quote::cls).toList()));
            new FineTuner(cfg, null).fit(model.net(), examples, List.of(), labels.labels(), () -> false);
            List<EncodedExample> all = model.encoder().encodeAll(texts, new int[texts.size()]);
            float[][] p = Scorer.score(model.net(), all, 64).probabilities();
            Map<String, float[]> out = new HashMap<>();
            for (int i = 0; i < texts.size(); i++) {
                out.put(texts.get(i), p[i]);
            }
            return out;
        }
    }

    private Map<String, float[]> embed(List<String> texts) throws Exception {
        if (!"bundled".equals(embedderName) && !"tiny".equals(embedderName)) {
            throw new IllegalArgumentException("--embedder must be bundled or tiny, got " + embedderName);
        }
        try (BertEmbedder e = "bundled".equals(embedderName) ? BertEmbedder.bundled() : BertEmbedder.tiny(1)) {
            float[][] v = e.embed(texts);
            Map<String, float[]> out = new HashMap<>();
            for (int i = 0; i < texts.size(); i++) {
                out.put(texts.get(i), v[i]);
            }
            return out;
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
