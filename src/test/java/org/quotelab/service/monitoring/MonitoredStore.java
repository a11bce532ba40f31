package org.quotelab.service.monitoring;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.FineTuneListener;
import org.quotelab.service.cascade.CascadeConfig;
import org.quotelab.service.cascade.CascadeTrainer;
import org.quotelab.service.cascade.Construction;
import org.quotelab.store.QuoteStore;

/** A real store holding some of the bundled sample days, and a tiny cascade trained on the first of them. */
final class MonitoredStore {

    private MonitoredStore() {
    }

    /** Imports the sample days (classpath resources, as the first-run import reads them) in the given order. */
    static void importDays(QuoteStore store, Path dir, int... days) throws Exception {
        for (int day : days) {
            String name = String.format(Locale.ROOT, "day-%02d.csv", day);
            Path file = dir.resolve(name);
            try (InputStream in = MonitoredStore.class.getResourceAsStream("/org/quotelab/sample-data/" + name)) {
                Files.copy(in, file);
            }
            store.importer().importFile(file, ImportOptions.defaults().withDay(name.replace(".csv", "")));
        }
    }

    /** Trains a 1-epoch tiny cascade on up to {@code n} labelled training quotes of {@code batch}. */
    static Path trainTiny(QuoteStore store, Batch batch, int n, Path out) throws Exception {
        List<LabelledText> data = new ArrayList<>();
        Page<QuoteRow> page = store.quotes().review(QuoteFilter.all().withBatch(batch.id()).withLabelled(true)
                .withValidation(false), 0, n);
        for (QuoteRow r : page.items()) {
            data.add(new LabelledText(r.quote().text(), r.label().label().inTopic(), r.label().label().topic()));
        }
        TrainingConfig t = TrainingConfig.builder().epochs(1).batchSize(16).learningRate(1e-3).seed(5).build();
        CascadeConfig cfg = CascadeConfig.defaults(BertModels.TINY).withStages(t, t).withConstruction(Construction.SEED);
        new CascadeTrainer(new FineTuneListener() { }, p -> { }, ComputeDevice.AUTO).train(data, cfg, out, () -> false);
        return out;
    }
}
