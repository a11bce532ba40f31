package org.quotelab.service.training;

import org.quotelab.ml.infer.LoadedModels;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.store.QuoteStore;

/** A real H2 store holding 80 quotes of sample day 1, and the training service over it. */
abstract class TrainingStoreFixture {
    @TempDir
    Path dir;
    QuoteStore store;
    TrainingService training;
    LoadedModels models;

    @BeforeEach
    void open() throws Exception {
        store = QuoteStore.open(dir.resolve("store").resolve("quotelab"));
        models = new LoadedModels();
        training = new TrainingService(store, dir.resolve("models"), models);
        TrainingDays.importDay(store, dir, "day-01", 80, 11);
    }

    @AfterEach
    void close() {
        models.close();
        store.close();
    }
}
