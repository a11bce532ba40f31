package org.quotelab.service.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.imports.ImportResult;
import org.quotelab.service.jobs.Job;
import org.quotelab.service.jobs.ProgressSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first-run import of the sample days bundled on the classpath (the build copies
 * sample-data/day-NN.csv to /org/quotelab/sample-data/). Days are imported in order, each in its
 * own transaction, so cancelling keeps the days already done and drops the one in progress.
 */
public final class SampleDays {
    private static final Logger LOG = LoggerFactory.getLogger(SampleDays.class);
    static final String RESOURCE_DIR = "/org/quotelab/sample-data/";
    /** Resource folders cannot be listed inside a jar; the days are named day-01.csv upwards without gaps. */
    private static final int MAX_DAYS = 99;

    /** What the first-run import did; {@code days} is empty when no sample data is bundled. */
    public record Outcome(List<ImportResult> days, long rows) {
        public boolean nothingBundled() {
            return days.isEmpty();
        }
    }

    private final ImportService imports;

    public SampleDays(ImportService imports) {
        this.imports = imports;
    }

    /** The bundled day files in day order; empty when the build bundled none. */
    public List<URL> bundled() {
        List<URL> out = new ArrayList<>();
        for (int day = 1; day <= MAX_DAYS; day++) {
            URL url = SampleDays.class.getResource(RESOURCE_DIR + String.format(Locale.ROOT, "day-%02d.csv", day));
            if (url == null) {
                break;
            }
            out.add(url);
        }
        return out;
    }

    /** Imports every bundled day; an empty outcome (not an error) when there are none. */
    public Job<Outcome> importJob() {
        return (progress, cancel) -> {
            List<URL> days = bundled();
            if (days.isEmpty()) {
                LOG.warn("no sample data on the classpath under {}", RESOURCE_DIR);
                return new Outcome(List.of(), 0);
            }
            Path tmp = Files.createTempDirectory("quotelab-sample");
            List<ImportResult> done = new ArrayList<>();
            long rows = 0;
            try {
                for (int i = 0; i < days.size(); i++) {
                    cancel.throwIfCancelled();
                    Path file = copy(days.get(i), tmp);
                    int index = i;
                    ProgressSink perDay = (f, msg) -> progress.update((index + Math.max(0, f)) / days.size(),
                            "sample day " + (index + 1) + " of " + days.size() + " - " + msg);
                    ImportResult r = imports.importJob(file, ImportOptions.defaults().withDay(ImportService.dayOf(file))
                                    // into a project with other topics the samples are refused, not merged
                                    .withAddTopics(false))
                            .run(perDay, cancel);
                    done.add(r);
                    rows += r.rows();
                    Files.deleteIfExists(file);
                }
                nameTopics();
            } finally {
                deleteQuietly(tmp);
            }
            return new Outcome(List.copyOf(done), rows);
        };
    }

    /**
     * Gives the sample topics their names from the bundled topics.csv (topic_id,name); a topic
     * someone has renamed already keeps its name.
     */
    void nameTopics() throws IOException {
        URL url = SampleDays.class.getResource(RESOURCE_DIR + "topics.csv");
        if (url == null) {
            return;
        }
        Map<String, String> names = new LinkedHashMap<>();
        try (InputStream in = url.openStream();
                CSVParser p = CSVParser.builder().setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                        .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord r : p) {
                names.put(r.get("topic_id").trim(), r.get("name").trim());
            }
        }
        imports.nameTopics(names);
    }

    private static Path copy(URL url, Path dir) throws IOException {
        String path = url.getPath();
        Path target = dir.resolve(path.substring(path.lastIndexOf('/') + 1));
        try (InputStream in = url.openStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("could not remove {}", dir, e);
        }
    }
}
