package org.quotelab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.imports.ImportResult;
import org.quotelab.domain.imports.QuoteField;
import org.quotelab.domain.imports.UnknownTopicsException;
import org.quotelab.service.StoreSession;
import org.quotelab.store.QuoteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Imports CSV files into the store, each whole or not at all. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import quote CSV files as batches (all-or-nothing per file).")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSV files, imported in the order given")
    List<Path> files;

    @Option(names = "--day", description = "day the batch represents (default: file name without extension)")
    String day;

    @Option(names = "--split-groups", description = "with a 'group' column: one batch per group, in file order")
    boolean splitGroups;

    // picocli cannot list the values of a map's enum by itself: the candidates are given explicitly
    @Option(names = "--map", paramLabel = "COLUMN=FIELD", completionCandidates = Fields.class,
            description = "map a column the importer does not recognise (repeatable); FIELD is one of:"
                    + " ${COMPLETION-CANDIDATES}. Recognised without --map: quote_id, quote_text,"
                    + " processed_text, label, topic, topic_id, group and the seed's metadata columns.")
    Map<String, QuoteField> mapping = new LinkedHashMap<>();

    /** The field names --map accepts, for its help text. */
    static final class Fields implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(QuoteField.values()).map(Enum::name).iterator();
        }
    }

    @Option(names = "--add-topics", description = "add topics the project's label schema does not have yet"
            + " (without it, such a file is refused and its unknown topics listed)")
    boolean addTopics;

    @Option(names = "--map-topic", paramLabel = "FILE_TOPIC=TOPIC",
            description = "import the file's topic FILE_TOPIC as the project's topic TOPIC, e.g. 12=3 (repeatable)")
    Map<String, String> topicMap = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (StoreSession s = store.open()) {
            // imported labels are recorded as the annotator who imports them
            ImportOptions options = new ImportOptions(day, splitGroups, mapping, s.annotator())
                    .withAddTopics(addTopics).withTopicMap(topicMap);
            for (Path f : files) {
                ImportResult r;
                try {
                    r = s.imports().importFile(f, options);
                } catch (UnknownTopicsException e) {
                    // nothing joins a schema silently: say what the project has and how to go on
                    throw new IllegalArgumentException(e.getMessage() + ". Project '" + s.project().name() + "' has: "
                            + s.schema().schema().topics().stream().map(t -> t.key() + " (" + t.name() + ")")
                            .collect(java.util.stream.Collectors.joining(", "))
                            + ". Import again with --add-topics, or --map-topic FILE_TOPIC=TOPIC for each.", e);
                }
                List<String> days = r.batches().stream().map(Batch::day).toList();
                spec.commandLine().getOut().printf(Locale.ROOT, "imported %s: %d quotes (%d labelled) as batch%s %s"
                                + " in %.1f s (%.0f rows/s)%n", f.getFileName(), r.rows(), r.labelled(),
                        days.size() == 1 ? "" : "es", String.join(", ", days), r.seconds(), r.rowsPerSecond());
            }
        }
        return 0;
    }
}
