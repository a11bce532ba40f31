package org.quotelab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quotelab.domain.quote.BatchSummary;
import org.quotelab.service.StoreSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the imported batches in stream order. */
@Command(name = "batches", mixinStandardHelpOptions = true, description = "List imported batches and who each is assigned to.")
final class BatchesCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StoreSession s = store.open()) {
            Map<Long, List<String>> assigned = s.assignments().all();
            out.printf("%4s %5s  %-16s %-28s %8s %9s %10s  %-24s  %s%n", "seq", "id", "day", "file", "rows", "labelled",
                    "validation", "imported at", "assigned to");
            for (BatchSummary b : s.imports().batchSummaries()) {
                out.printf("%4d %5d  %-16s %-28s %8d %9d %10d  %-24s  %s%n", b.batch().seq(), b.batch().id(),
                        b.batch().day(), b.batch().fileName(), b.batch().rowCount(), b.labelled(), b.validation(),
                        b.batch().importedAt(), String.join(",", assigned.getOrDefault(b.batch().id(), List.of())));
            }
        }
        return 0;
    }
}
