package org.quotelab.service.continual;

import org.quotelab.ml.infer.LoadedModels;
import java.nio.file.Path;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.continual.PromotionGate;
import org.quotelab.ml.train.BertModels;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.store.QuoteStore;

/** Main class of the child JVM the crash test kills: runs a long update on the given store. */
public final class UpdateChild {

    private UpdateChild() {
    }

    public static void main(String[] args) throws Exception {
        try (QuoteStore store = QuoteStore.open(Path.of(args[0])); LoadedModels models = new LoadedModels()) {
            ContinualUpdater.Request base = ContinualFixture.request("replay", PromotionGate.defaults());
            UpdateSettings slow = base.settings().withUpdate(base.settings().update().toBuilder().epochs(200).build());
            ContinualUpdater.Request request = new ContinualUpdater.Request(base.batchIds(), base.strategy(), slow,
                    base.gate());
            System.out.println("started");
            System.out.flush();
            new ContinualUpdater(store, Path.of(args[1]), models, ComputeDevice.AUTO).update(request, ProgressSink.NONE,
                    new CancellationToken());
            System.out.println("done");
        }
    }
}
