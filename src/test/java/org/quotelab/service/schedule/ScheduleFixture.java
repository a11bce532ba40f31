package org.quotelab.service.schedule;

import org.quotelab.ml.infer.LoadedModels;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.drift.MultipleTesting;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.continual.PromotionGate;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.FineTuneListener;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.service.cascade.CascadeConfig;
import org.quotelab.service.cascade.CascadeTrainer;
import org.quotelab.service.cascade.Construction;
import org.quotelab.service.cascade.PredictionCache;
import org.quotelab.service.continual.BertEmbedder;
import org.quotelab.service.continual.DriftCheck;
import org.quotelab.service.continual.Strategy;
import org.quotelab.service.continual.UpdateSettings;
import org.quotelab.service.training.DeviceChoice;
import org.quotelab.service.training.TrainingService;
import org.quotelab.service.training.UpdateRequest;
import org.quotelab.store.QuoteStore;

/** A tiny cascade trained on a sample day, and schedules whose updates and drift checks use the tiny BERT. */
public final class ScheduleFixture {

    private ScheduleFixture() {
    }

    static TrainingConfig tiny() {
        return TrainingConfig.builder().epochs(1).batchSize(16).learningRate(1e-3).seed(5).build();
    }

    /** Trains a tiny cascade on the labelled quotes of sample day {@code day} into {@code out}. */
    public static Path trainOnSampleDay(int day, Path out) throws IOException {
        CascadeConfig cfg = new CascadeConfig(BertModels.TINY, tiny(), tiny(), Construction.SEED, 2, 0.2, 5, null);
        new CascadeTrainer(new FineTuneListener() { }, p -> { }, ComputeDevice.AUTO).train(sampleDay(day), cfg, out, () -> false);
        return out;
    }

    public static Path sampleFile(int day) {
        return Path.of("sample-data", String.format("day-%02d.csv", day));
    }

    private static List<LabelledText> sampleDay(int day) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<LabelledText> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(sampleFile(day), StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(r, format)) {
            for (CSVRecord rec : p) {
                boolean in = "1".equals(rec.get("label"));
                out.add(new LabelledText(rec.get("processed_text"), in, in ? rec.get("topic_id") : null));
            }
        }
        return out;
    }

    /** A schedule on {@code store} whose updates use the tiny recipe and {@code gate}. */
    static Schedule schedule(QuoteStore store, PredictionCache predictions, Path models, PromotionGate gate) {
        UpdateSettings settings = new UpdateSettings(BertModels.TINY, tiny(), tiny(), 10, 5);
        UpdateRequest request = new UpdateRequest(List.of(), Strategy.parse("replay"), settings, gate, DeviceChoice.AUTO);
        DriftCheck.Settings drift = new DriftCheck.Settings(120, 100, 0.01, MultipleTesting.Method.HOLM, 3, 7, 30);
        return new Schedule(store, predictions, TrainingUpdates.through(new TrainingService(store, models, predictions.models()), request),
                () -> BertEmbedder.tiny(1), drift, "tester", Clock.systemDefaultZone());
    }
}
