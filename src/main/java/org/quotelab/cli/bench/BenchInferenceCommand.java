package org.quotelab.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.quotelab.cli.Json;
import org.quotelab.ml.model.QuoteClassifier;
import org.quotelab.ml.model.QuoteClassifiers;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.model.Devices;
import org.quotelab.ml.infer.Scorer;
import org.quotelab.ml.infer.ThreadPolicy;
import org.quotelab.ml.text.QuoteTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scores quotes with the bundled MiniLM: single-quote latency, bulk throughput with batches
 * grouped by length and padded to their longest member, and the same bulk padded to a fixed
 * 128 tokens as the baseline measured in the same run.
 */
@Command(name = "inference", mixinStandardHelpOptions = true,
        description = "Inference speed of the bundled BERT: latency p50/p99, bulk quotes/s vs fixed 128-token padding.")
public final class BenchInferenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** A CSV with a quote_text or processed_text column. */
    @Mixin
    BenchData data;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--batch-size", defaultValue = "64", description = "Bulk batch size (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--warmup", defaultValue = "20", description = "Untimed single-quote runs first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--singles", defaultValue = "200", description = "Quotes timed one by one (default ${DEFAULT-VALUE}).")
    int singles;

    @Option(names = "--threads", defaultValue = "0",
            description = "Fixed libtorch intra-op CPU threads (0 = the thread policy: free cores).")
    int threads;

    @Option(names = "--limit", defaultValue = "0", description = "Use only the first N quotes (0 = all).")
    int limit;

    /** Single quotes are timed again under load. */
    @Mixin
    BenchLoad load;

    @Option(names = "--no-fixed", hidden = true, description = "Skip the fixed-128 baseline (the slow part).")
    boolean noFixed;

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private double[] singleCpuMs;
    private double bulkPerCpuSecond;
    private double tokenizeMs;

    @Override
    public Integer call() throws IOException {
        Path file = data.file();
        List<String> quotes = readQuotes(file);
        if (limit > 0 && quotes.size() > limit) {
            quotes = quotes.subList(0, limit);
        }
        if (quotes.isEmpty()) {
            throw new IOException(file + " has no quotes");
        }
        try (QuoteClassifier model = QuoteClassifiers.bundledMiniLm(2, 1L, QuoteTokenizer.DEFAULT_MAX_TOKENS,
                ComputeDevice.AUTO)) {
            if (threads > 0) {
                ThreadPolicy.fix(threads);
            }
            Scorer single = new Scorer(model, 1);
            Scorer bulk = new Scorer(model, batchSize);
            for (int i = 0; i < warmup; i++) {
                single.probabilities(List.of(quotes.get(i % quotes.size())));
            }
            bulk.probabilities(quotes.subList(0, Math.min(quotes.size(), batchSize * 2)));

            double[] latencies = latencies(single, quotes);
            double[] contended = null;
            if (load.wanted()) {
                try (Contention busy = load.start()) {
                    contended = latencies(single, quotes);
                }
            }

            long t0 = THREADS.getCurrentThreadCpuTime();
            model.encoder().encodeAll(quotes, null);
            tokenizeMs = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
            long cpu0 = processCpuNanos();
            t0 = System.nanoTime();
            bulk.probabilities(quotes);
            double grouped = quotes.size() / ((System.nanoTime() - t0) / 1e9);
            bulkPerCpuSecond = quotes.size() / ((processCpuNanos() - cpu0) / 1e9);
            double fixed = Double.NaN;
            if (!noFixed) {
                t0 = System.nanoTime();
                bulk.probabilitiesPaddedTo(quotes, QuoteTokenizer.DEFAULT_MAX_TOKENS);
                fixed = quotes.size() / ((System.nanoTime() - t0) / 1e9);
            }

            print(file, quotes.size(), latencies, contended, grouped, fixed);
        }
        return 0;
    }

    /**
     * Sorted single-quote latencies in ms, the samples spread over the file so short and long
     * quotes count. Also keeps the sorted CPU time of the calling thread per quote (where libtorch
     * runs with one intra-op thread): on a shared machine the wall clock measures the other
     * processes as much as this one.
     */
    private double[] latencies(Scorer single, List<String> quotes) {
        int n = Math.min(singles, quotes.size());
        double[] latencies = new double[n];
        singleCpuMs = new double[n];
        for (int i = 0; i < n; i++) {
            String q = quotes.get((int) ((long) i * quotes.size() / n));
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            single.probabilities(List.of(q));
            latencies[i] = (System.nanoTime() - t0) / 1e6;
            singleCpuMs[i] = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
        }
        Arrays.sort(latencies);
        Arrays.sort(singleCpuMs);
        return latencies;
    }

    /** CPU time of the whole process (every libtorch thread, the GC too), in ns. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void print(Path file, int count, double[] latencies, double[] contended, double grouped, double fixed)
            throws IOException {
        double p50 = percentile(latencies, 50);
        double p99 = percentile(latencies, 99);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("data", file.toString());
            o.put("quotes", count);
            o.put("batch_size", batchSize);
            o.put("engine", Devices.describeEngine());
            o.put("p50_ms", round(p50));
            o.put("p99_ms", round(p99));
            o.put("quotes_per_s", round(grouped));
            if (!noFixed) {
                o.put("fixed128_quotes_per_s", round(fixed));
                o.put("ratio", round(grouped / fixed));
            }
            o.put("cpu_p50_ms", round(percentile(singleCpuMs, 50)));
            o.put("cpu_p99_ms", round(percentile(singleCpuMs, 99)));
            o.put("quotes_per_cpu_s", round(bulkPerCpuSecond));
            o.put("tokenize_cpu_ms", round(tokenizeMs));
            if (contended != null) {
                o.put("contend", load.cores);
                o.put("contended_p50_ms", round(percentile(contended, 50)));
                o.put("contended_p99_ms", round(percentile(contended, 99)));
            }
            out.println(Json.MAPPER.writeValueAsString(o));
        } else {
            out.printf(Locale.ROOT, "bundled all-MiniLM-L6-v2, %d quotes from %s, batch size %d%n", count, file, batchSize);
            out.printf(Locale.ROOT, "engine: %s%n", Devices.describeEngine());
            out.printf(Locale.ROOT, "%-44s %10.2f%n", "single quote latency p50 (ms)", p50);
            out.printf(Locale.ROOT, "%-44s %10.2f%n", "single quote latency p99 (ms)", p99);
            if (contended != null) {
                out.printf(Locale.ROOT, "%-44s %10.2f%n", "p50 with " + load.cores + " core(s) busy (ms)",
                        percentile(contended, 50));
                out.printf(Locale.ROOT, "%-44s %10.2f%n", "p99 with " + load.cores + " core(s) busy (ms)",
                        percentile(contended, 99));
            }
            out.printf(Locale.ROOT, "%-44s %10.1f%n", "bulk, length-grouped batches (quotes/s)", grouped);
            out.printf(Locale.ROOT, "%-44s %10.1f%n", "bulk, padded to 128 tokens (quotes/s)", fixed);
            out.printf(Locale.ROOT, "%-44s %10.2f%n", "ratio grouped / fixed-128", grouped / fixed);
            out.printf(Locale.ROOT, "%-44s %10.2f%n", "single quote CPU time p50 (ms)", percentile(singleCpuMs, 50));
            out.printf(Locale.ROOT, "%-44s %10.2f%n", "single quote CPU time p99 (ms)", percentile(singleCpuMs, 99));
            out.printf(Locale.ROOT, "%-44s %10.1f%n", "bulk quotes per CPU second", bulkPerCpuSecond);
            out.printf(Locale.ROOT, "%-44s %10.1f%n", "tokenizing every quote (CPU ms)", tokenizeMs);
        }
        out.flush();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double percentile(double[] sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    /** Just the text column; the real importer (validation, labels, groups) lives in the store layer. */
    static List<String> readQuotes(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(r, format)) {
            String column = parser.getHeaderMap().containsKey("quote_text") ? "quote_text"
                    : parser.getHeaderMap().containsKey("processed_text") ? "processed_text" : null;
            if (column == null) {
                throw new IOException(file + " has no quote_text or processed_text column");
            }
            List<String> quotes = new ArrayList<>();
            for (CSVRecord rec : parser) {
                if (rec.isSet(column)) {
                    quotes.add(rec.get(column));
                }
            }
            return quotes;
        }
    }
}
