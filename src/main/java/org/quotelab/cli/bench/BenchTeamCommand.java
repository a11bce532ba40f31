package org.quotelab.cli.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quotelab.cli.Json;
import org.quotelab.cli.QuoteLabCli;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.ml.versions.ModelFolders;
import org.quotelab.service.agreement.AgreementService;
import org.quotelab.service.sample.BulkSampleWriter;
import org.quotelab.service.sample.SampleDataGenerator;
import org.quotelab.store.LabelAudit;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.StoreLocation;
import org.quotelab.store.ThrowawayPostgres;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A team on one PostgreSQL store: imports generated quotes, then runs annotator sessions as
 * separate JVMs ({@link TeamAnnotator}) that label overlapping assignments at once, each write
 * against the version it read. Lost updates are recomputed from the label history alone
 * ({@link LabelAudit}); the rate counts accepted writes over the span from the first session's
 * start to the last one's end (JVM start-up excluded).
 */
@Command(name = "team", mixinStandardHelpOptions = true,
        description = "Concurrent annotators on one PostgreSQL store: lost updates, conflicts, label writes/s.")
final class BenchTeamCommand implements Callable<Integer> {

    @Option(names = "--quotes", defaultValue = "10000", description = "quotes to generate and label (default: ${DEFAULT-VALUE})")
    long quotes;

    @Option(names = "--annotators", defaultValue = "4", description = "annotator sessions, one JVM each (default: ${DEFAULT-VALUE})")
    int annotators;

    @Option(names = "--db", paramLabel = "URL", description = "an empty PostgreSQL database postgresql://host[:port]/db"
            + " (user and password from PGUSER and PGPASSWORD); default: start an embedded server")
    String db;

    @Option(names = "--out", paramLabel = "DIR", description = "folder for each annotator's latest labels"
            + " (latest-labels.csv); default: a new temporary folder")
    Path out;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (annotators < 2) {
            throw new IllegalArgumentException("--annotators must be at least 2: every quote goes to two of them");
        }
        Path tmp = Files.createTempDirectory("quotelab-bench-team");
        ThrowawayPostgres server = db == null ? ThrowawayPostgres.start() : null;
        try {
            String address = server == null ? db : server.newDatabase("bench_team");
            Map<String, String> env = new LinkedHashMap<>(System.getenv());
            if (server != null) {
                env.put("PGUSER", ThrowawayPostgres.USER);
            }
            StoreLocation location = StoreLocation.postgres(address, env, null);
            Map<String, Object> result = new LinkedHashMap<>();
            try (QuoteStore store = QuoteStore.open(location)) {
                Path file = new BulkSampleWriter().write(tmp.resolve("team.csv"), quotes, SampleDataGenerator.DEFAULT_SEED);
                // the file's labels arrive as imported ones (version 0) and give the topics; the team relabels
                store.importer().importFile(file, ImportOptions.defaults());
                List<Map<String, Object>> sessions = runSessions(address, env);
                long saved = sessions.stream().mapToLong(s -> ((Number) s.get("saved")).longValue()).sum();
                long conflicts = sessions.stream().mapToLong(s -> ((Number) s.get("conflicts")).longValue()).sum();
                long attempts = sessions.stream().mapToLong(s -> ((Number) s.get("attempts")).longValue()).sum();
                long first = sessions.stream().mapToLong(s -> ((Number) s.get("start_ms")).longValue()).min().orElse(0);
                long last = sessions.stream().mapToLong(s -> ((Number) s.get("end_ms")).longValue()).max().orElse(0);
                LabelAudit audit = new LabelAudit(store);
                long accepted = audit.versionedWrites();
                List<LabelAudit.AnnotatorLabel> latest = audit.latestByAnnotator();
                Path folder = out != null ? out : Files.createTempDirectory("quotelab-bench-team-labels");
                Path labels = writeLatest(folder, latest);
                result.put("quotes", store.quotes().count(org.quotelab.domain.quote.QuoteFilter.all()));
                result.put("annotators", annotators);
                result.put("lost_updates", audit.lostUpdates());
                result.put("conflicts_reported", conflicts);
                result.put("label_writes_per_s", Math.round(saved / Math.max(1e-9, (last - first) / 1000.0)));
                Map<String, Object> recomputed = new LinkedHashMap<>();
                result.put("agreement_matches_recomputation", TeamAgreementCheck.matches(
                        new AgreementService(store).report(null).report(), latest, recomputed));
                result.put("agreement", recomputed);
                result.put("write_attempts", attempts);
                result.put("accepted_writes", saved);
                // every attempt is either accepted (one history row) or reported as a conflict
                result.put("accepted_writes_match_history", saved == accepted);
                result.put("attempts_all_answered", attempts == saved + conflicts);
                result.put("seconds", (last - first) / 1000.0);
                result.put("annotator_labels", latest.size());
                result.put("latest_labels_csv", labels.toAbsolutePath().toString());
                result.put("store", server == null ? "postgresql (given)" : "postgresql (embedded, started by the bench)");
                result.put("sessions", sessions);
            }
            print(result);
            return 0;
        } finally {
            if (server != null) {
                server.close();
            }
            ModelFolders.deleteTree(tmp);
        }
    }

    /** Starts every annotator JVM at once and collects the one JSON line each prints. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> runSessions(String address, Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> running = new ArrayList<>();
        for (int i = 0; i < annotators; i++) {
            ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                    "-Dquotelab.log.level=WARN", "-cp", System.getProperty("java.class.path"),
                    QuoteLabCli.class.getName(), "bench", "team-annotator", "--db", address,
                    "--index", String.valueOf(i), "--of", String.valueOf(annotators)))
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().putAll(env);
            running.add(pb.start());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            Process p = running.get(i);
            String lastLine = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lastLine = line;
                }
            }
            int code = p.waitFor();
            if (code != 0 || lastLine == null) {
                throw new IllegalStateException("annotator " + (i + 1) + " failed (exit code " + code + ")");
            }
            out.add(Json.MAPPER.readValue(lastLine, Map.class));
        }
        return out;
    }

    /** Each annotator's latest label per quote, the raw data of agreement figures. */
    private static Path writeLatest(Path folder, List<LabelAudit.AnnotatorLabel> latest) throws Exception {
        Files.createDirectories(folder);
        Path file = folder.resolve("latest-labels.csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                        .setHeader("annotator", "quote_id", "label", "topic").get())) {
            for (LabelAudit.AnnotatorLabel l : latest) {
                csv.printRecord(l.annotator(), l.quoteId(), l.label(), l.topic());
            }
        }
        return file;
    }

    private void print(Map<String, Object> result) throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.MAPPER.writeValueAsString(result));
        } else {
            result.forEach((k, v) -> w.printf("%-32s %s%n", k, v));
            w.println("goals: lost_updates = 0, label_writes_per_s >= 200");
        }
        w.flush();
    }
}
