package org.quotelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quotelab.service.StoreSession;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.store.QuoteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** quotelab cascade score: predictions of the active cascade for a stored batch, kept in the store. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score a stored batch (or all quotes) with the active cascade and store the predictions.")
public final class CascadeScoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    StoreOptions storeOptions;
    @Option(names = "--batch", description = "Batch id (see `quotelab batches`); default: every quote.")
    Long batch;
    @Option(names = "--activate", paramLabel = "DIR", description = "Register this cascade folder and make it active first.")
    Path activate;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        try (StoreSession store = storeOptions.open()) {
            if (activate != null) {
                CascadeVersions.Active a = store.cascades().register(activate, true);
                w.printf("active versions: stage 1 #%d, stage 2 #%d%n", a.stage1().id(), a.stage2().id());
            }
            long start = System.nanoTime();
            long n = store.scoring().scoreBatch(batch, (f, m) -> {
                w.print("\r" + m);
                w.flush();
            }, new CancellationToken());
            double s = (System.nanoTime() - start) / 1e9;
            w.printf(Locale.ROOT, "%nscored %d quotes in %.1f s (%.0f quotes/s)%n", n, s, n / Math.max(s, 1e-9));
        }
        w.flush();
        return 0;
    }
}
