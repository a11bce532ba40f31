package org.quotelab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quotelab.domain.imports.ExportFormat;
import org.quotelab.service.StoreSession;
import org.quotelab.store.QuoteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Exports labels (re-importable CSV) or predictions, as CSV or JSON lines. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export labels or predictions as CSV or JSONL.")
final class ExportCommand implements Callable<Integer> {
    enum What { labels, predictions }

    @Mixin
    StoreOptions store;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output file (.csv or .jsonl)")
    Path out;

    @Option(names = "--what", defaultValue = "labels", description = "labels or predictions (default: ${DEFAULT-VALUE})")
    What what;

    @Option(names = "--format", description = "CSV or JSONL (default: from the file extension)")
    ExportFormat format;

    @Option(names = "--labelled-only", description = "labels: skip unlabelled quotes")
    boolean labelledOnly;

    @Option(names = "--stage1", paramLabel = "VERSION", description = "predictions: stage-1 model version id")
    Long stage1;

    @Option(names = "--stage2", paramLabel = "VERSION", description = "predictions: stage-2 model version id (omit for stage 1 only)")
    Long stage2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ExportFormat fmt = format != null ? format
                : out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl") ? ExportFormat.JSONL : ExportFormat.CSV;
        try (StoreSession s = store.open()) {
            long n;
            if (what == What.labels) {
                n = s.imports().exportLabels(out, fmt, labelledOnly);
            } else {
                if (stage1 == null) {
                    throw new ParameterException(spec.commandLine(), "--what predictions needs --stage1");
                }
                n = s.imports().exportPredictions(out, fmt, stage1, stage2);
            }
            spec.commandLine().getOut().printf("exported %d rows to %s%n", n, out);
        }
        return 0;
    }
}
