package org.quotelab.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.ml.infer.Scorer;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.model.QuoteClassifier;
import org.quotelab.ml.model.QuoteClassifiers;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.ml.versions.ModelVersions;
import org.quotelab.ml.versions.Provenance;
import org.quotelab.ml.versions.RunEnvironment;

/** Real fine-tunes of the BERT core: the tiny random BERT and the bundled MiniLM on a small slice. */
class BertFineTuneTest {

    private static final LabelMap LABELS = new LabelMap(SyntheticQuotes.LABELS);

    @TempDir
    Path dir;

    private static TrainingResult fit(ClassifierModel model, SyntheticQuotes data, TrainingConfig cfg) {
        List<EncodedExample> examples = model.encoder().encodeAll(data.texts, data.labels);
        return new FineTuner(cfg, null).fit(model.net(), examples, examples, LABELS.labels(), CancellationToken.none());
    }

    @Test
    void tinyBertLearnsSavesLoadsAndExportsIdentically() throws Exception {
        SyntheticQuotes data = new SyntheticQuotes(96, 51);
        TrainingConfig cfg = TrainingConfig.builder().epochs(6).batchSize(8).learningRate(3e-3).maxLength(64).seed(3).build();
        Path version = dir.resolve("v1");
        float[][] before;
        List<EncodedExample> examples;
        try (ClassifierModel model = BertModels.open(BertModels.TINY, 3, cfg, ComputeDevice.AUTO)) {
            TrainingResult r = fit(model, data, cfg);
            assertTrue(r.epochs().get(5).meanLoss() < r.epochs().get(0).meanLoss(), "loss goes down");
            assertTrue(r.validation().accuracy() > 0.5, "above chance: " + r.validation().accuracy());
            examples = model.encoder().encodeAll(data.texts, data.labels);
            before = Scorer.score(model.net(), examples, 32).probabilities();
            ModelVersions.save(model, LABELS, new Provenance("tiny", null, "x", 96, 96, cfg.asMap(), Map.of(),
                    LABELS.labels(), "topic", RunEnvironment.describe(model.net().manager()), "now", 3), version);
        }
        try (ClassifierModel loaded = BertModels.load(version, 64, ComputeDevice.AUTO)) {
            assertSame(before, Scorer.score(loaded.net(), examples, 32).probabilities());
        }
        Path hf = dir.resolve("hf");
        ModelVersions.exportHf(version, hf);
        // The BERT core's own Hugging Face folder loader reads the export: same logits.
        try (QuoteClassifier c = QuoteClassifiers.fromFolder(hf, 3, 0, 64, ComputeDevice.AUTO);
             ClassifierModel viaFactory = ModelVersions.load(hf, BertModels.factory(64, ComputeDevice.AUTO))) {
            assertEquals(3, c.numLabels());
            assertTrue(c.hfParameters().containsKey("bert.pooler.dense.weight"));
            assertSame(before, Scorer.score(viaFactory.net(), examples, 32).probabilities());
        }
    }

    @Test
    void meanPooledVersionLoadsBackWithoutPooler() throws Exception {
        SyntheticQuotes data = new SyntheticQuotes(32, 53);
        TrainingConfig cfg = TrainingConfig.builder().epochs(1).batchSize(8).learningRate(3e-3).maxLength(64)
                .clsPooler(false).build();
        Path version = dir.resolve("mean");
        float[][] before;
        List<EncodedExample> examples;
        try (ClassifierModel model = BertModels.open(BertModels.TINY, 3, cfg, ComputeDevice.AUTO)) {
            fit(model, data, cfg);
            assertTrue(model.hfParameters().keySet().stream().noneMatch(k -> k.contains("pooler")));
            examples = model.encoder().encodeAll(data.texts, data.labels);
            before = Scorer.score(model.net(), examples, 32).probabilities();
            ModelVersions.save(model, LABELS, new Provenance("tiny", null, "x", 32, 32, cfg.asMap(), Map.of(),
                    LABELS.labels(), "topic", RunEnvironment.describe(model.net().manager()), "now", 3), version);
        }
        try (ClassifierModel loaded = BertModels.load(version, 64, ComputeDevice.AUTO)) {
            assertSame(before, Scorer.score(loaded.net(), examples, 32).probabilities());
        }
    }

    @Test
    void bundledMiniLmFineTunesOnASmallSlice() throws Exception {
        SyntheticQuotes data = new SyntheticQuotes(48, 52);
        TrainingConfig cfg = TrainingConfig.builder().epochs(2).learningRate(1e-4).batchSize(8).seed(5).build();
        try (ClassifierModel model = BertModels.open(BertModels.BUNDLED, 3, cfg, ComputeDevice.AUTO)) {
            TrainingResult r = fit(model, data, cfg);
            assertEquals(0, r.skippedSteps());
            assertTrue(r.epochs().get(1).meanLoss() < r.epochs().get(0).meanLoss(), "loss goes down");
            assertTrue(r.validation().accuracy() > 0.5, "above chance on training data: " + r.validation().accuracy());
        }
    }

    private static void assertSame(float[][] expected, float[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], "row " + i);
        }
    }
}
