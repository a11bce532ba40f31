package org.quotelab.cli.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.quotelab.cli.Json;
import org.quotelab.cli.QuoteLabCli;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.ml.versions.ModelFolders;
import org.quotelab.service.sample.BulkSampleWriter;
import org.quotelab.service.sample.SampleDataGenerator;
import org.quotelab.store.CsvReadBaseline;
import org.quotelab.store.QuoteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Streaming import against H2's CSVREAD on the same file, each into a fresh store, each in its own
 * child JVM with the same small heap (-Xmx, default 300m): finishing at all proves the import
 * fits in it, and the child reports its peak heap measured from the memory pools.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Streaming CSV import vs H2 CSVREAD: rows/s, ratio and peak heap.")
final class BenchImportCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "FILE", description = "seed-format CSV to import (default: generate one)")
    Path data;

    @Option(names = "--rows", defaultValue = "1000000", description = "rows to generate (default: ${DEFAULT-VALUE})")
    long rows;

    @Option(names = "--xmx", defaultValue = "300m", description = "heap limit of the measuring JVMs (default: ${DEFAULT-VALUE})")
    String xmx;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--worker", hidden = true)
    String worker;

    @Option(names = "--db", hidden = true)
    Path db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (worker != null) {
            return work();
        }
        PrintWriter out = spec.commandLine().getOut();
        Path tmp = Files.createTempDirectory("quotelab-bench");
        try {
            Path file = data;
            if (file == null) {
                file = new BulkSampleWriter().write(tmp.resolve("bench.csv"), rows, SampleDataGenerator.DEFAULT_SEED);
            }
            Map<String, Object> streaming = child("streaming", file, tmp.resolve("streaming").resolve("quotelab"));
            Map<String, Object> csvread = child("csvread", file, tmp.resolve("csvread").resolve("quotelab"));
            double rps = ((Number) streaming.get("rows")).doubleValue() / ((Number) streaming.get("seconds")).doubleValue();
            double crps = ((Number) csvread.get("rows")).doubleValue() / ((Number) csvread.get("seconds")).doubleValue();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rows", streaming.get("rows"));
            result.put("file_mb", round(Files.size(file) / 1048576.0));
            result.put("rows_per_s", Math.round(rps));
            result.put("csvread_rows_per_s", Math.round(crps));
            result.put("ratio", round(rps / crps));
            // the stricter baseline: CSVREAD filling the quotes table only, without the labels pass
            double qrps = ((Number) csvread.get("rows")).doubleValue()
                    / ((Number) csvread.get("quotes_only_seconds")).doubleValue();
            result.put("csvread_quotes_only_rows_per_s", Math.round(qrps));
            result.put("ratio_vs_quotes_only", round(rps / qrps));
            result.put("peak_heap_mb", streaming.get("peak_heap_mb"));
            result.put("peak_live_heap_mb", streaming.get("peak_live_heap_mb"));
            result.put("csvread_peak_heap_mb", csvread.get("peak_heap_mb"));
            result.put("csvread_peak_live_heap_mb", csvread.get("peak_live_heap_mb"));
            result.put("max_heap", xmx);
            if (json) {
                out.println(Json.MAPPER.writeValueAsString(result));
            } else {
                out.printf("%-26s %s%n", "measure", "value");
                result.forEach((k, v) -> out.printf("%-26s %s%n", k, v));
                out.println("goals: ratio >= 0.7, peak_heap_mb < 300");
            }
            return 0;
        } finally {
            ModelFolders.deleteTree(tmp);
        }
    }

    /** One measurement in this JVM: import into a fresh store, report rows, seconds and peak heap. */
    private int work() throws Exception {
        try (QuoteStore store = QuoteStore.open(db)) {
            long n;
            double seconds;
            Map<String, Object> r = new LinkedHashMap<>();
            try (HeapWatch heap = new HeapWatch()) {
                long[] t0 = {System.nanoTime()};
                if ("csvread".equals(worker)) {
                    CsvReadBaseline.Timing t = new CsvReadBaseline(store.database()).load(data, () -> t0[0] = System.nanoTime());
                    n = t.rows();
                    r.put("quotes_only_seconds", t.quotesSeconds());
                } else {
                    n = store.importer().importFile(data, ImportOptions.defaults()).rows();
                }
                seconds = (System.nanoTime() - t0[0]) / 1e9;
                r.put("peak_heap_mb", round(heap.peakUsedMb()));
                r.put("peak_live_heap_mb", round(heap.peakAfterGcMb()));
            }
            r.put("rows", n);
            r.put("seconds", seconds);
            spec.commandLine().getOut().println(Json.MAPPER.writeValueAsString(r));
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> child(String kind, Path file, Path dbFile) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + xmx, "-Dquotelab.log.level=WARN", "-cp",
                System.getProperty("java.class.path"), QuoteLabCli.class.getName(), "bench", "import",
                "--worker", kind, "--data", file.toAbsolutePath().toString(), "--db", dbFile.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                last = line;
            }
        }
        int code = p.waitFor();
        if (code != 0 || last == null) {
            throw new IllegalStateException(kind + " run failed (exit code " + code + ")");
        }
        return Json.MAPPER.readValue(last, Map.class);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
