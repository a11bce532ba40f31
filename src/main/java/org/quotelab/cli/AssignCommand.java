package org.quotelab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.quotelab.domain.quote.AnnotatorNames;
import org.quotelab.service.StoreSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Assigns a batch to annotators: the list given replaces the batch's assignees. */
@Command(name = "assign", mixinStandardHelpOptions = true,
        description = "Assign a batch to one or more annotators (replaces its assignees; see 'batches').")
final class AssignCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--batch", required = true, paramLabel = "ID", description = "the batch id ('batches' lists them)")
    long batch;

    @Option(names = "--to", paramLabel = "NAME[,NAME]", description = "annotator names, comma-separated")
    String to;

    @Option(names = "--nobody", description = "remove every assignee of the batch")
    boolean nobody;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if ((to == null) == !nobody) {
            throw new ParameterException(spec.commandLine(), "give either --to NAME[,NAME] or --nobody");
        }
        List<String> names;
        try {
            names = nobody ? List.of() : AnnotatorNames.parseList(to);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--to: " + e.getMessage());
        }
        if (names.isEmpty() && !nobody) {
            throw new ParameterException(spec.commandLine(), "--to names no annotator; use --nobody to clear");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (StoreSession s = store.open()) {
            List<String> now = s.assignments().assign(batch, names);
            out.printf("batch %d assigned to %s%n", batch, now.isEmpty() ? "nobody" : String.join(", ", now));
        }
        return 0;
    }
}
