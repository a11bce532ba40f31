package org.quotelab.ml.versions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.ml.train.FineTuner;
import org.quotelab.ml.model.NonFiniteModelException;
import org.quotelab.ml.infer.Scorer;
import org.quotelab.ml.train.SyntheticQuotes;
import org.quotelab.ml.train.TinyModel;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.TrainingResult;

class ModelVersionsTest {

    private static final List<EncodedExample> TRAIN = new SyntheticQuotes(120, 31).encoded(64);
    private static final List<EncodedExample> VALID = new SyntheticQuotes(40, 32).encoded(64);
    private static final LabelMap LABELS = new LabelMap(SyntheticQuotes.LABELS);

    @TempDir
    Path dir;

    private static Provenance provenance(TrainingResult r, ClassifierModel m) {
        return new Provenance("tiny", null, "abc", TRAIN.size(), VALID.size(), TrainingConfig.defaults().asMap(),
                Map.of("macro_f1", r.validation().macro().f1()), LABELS.labels(), "topic",
                RunEnvironment.describe(m.net().manager()), "2026-01-01T00:00:00Z", 42);
    }

    private static TrainingResult train(ClassifierModel m) {
        TrainingConfig cfg = TrainingConfig.builder().epochs(2).learningRate(2e-2).build();
        return new FineTuner(cfg, null).fit(m.net(), TRAIN, VALID, LABELS.labels(), CancellationToken.none());
    }

    @Test
    void savedVersionLoadsBackWithIdenticalPredictions() throws Exception {
        Path version = dir.resolve("v1");
        float[][] before;
        try (TinyModel model = new TinyModel(3, 5)) {
            TrainingResult r = train(model);
            before = Scorer.score(model.net(), VALID, 16).probabilities();
            ModelVersions.save(model, LABELS, provenance(r, model), version);
        }
        for (String f : List.of("config.json", "model.safetensors", "label_map.json", "provenance.json")) {
            assertTrue(Files.exists(version.resolve(f)), f);
        }
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(1, list.count(), "no temporary folder left behind");
        }
        try (ClassifierModel loaded = ModelVersions.load(version, TinyModel.factory())) {
            float[][] after = Scorer.score(loaded.net(), VALID, 16).probabilities();
            for (int i = 0; i < before.length; i++) {
                assertArrayEquals(before[i], after[i]);
            }
        }
        Provenance p = ModelVersions.provenance(version);
        assertEquals("abc", p.datasetSha256());
        assertEquals(LABELS.labels(), p.labels());
        assertEquals("PyTorch", p.environment().get("engine"));
        String config = Files.readString(version.resolve("config.json"));
        assertTrue(config.contains("\"BertForSequenceClassification\""));
        assertTrue(config.contains("\"1\" : \"FOOD\""));

        Path hf = dir.resolve("export");
        ModelVersions.exportHf(version, hf);
        assertFalse(Files.exists(hf.resolve("provenance.json")));
        assertEquals(LABELS, ModelVersions.labels(hf));
        try (ClassifierModel exported = ModelVersions.load(hf, TinyModel.factory())) {
            float[][] again = Scorer.score(exported.net(), VALID, 16).probabilities();
            for (int i = 0; i < before.length; i++) {
                assertArrayEquals(before[i], again[i]);
            }
        }
        assertThrows(FileAlreadyExistsException.class, () -> {
            try (TinyModel other = new TinyModel(3, 6)) {
                ModelVersions.save(other, LABELS, provenance(train(other), other), version);
            }
        });
    }

    @Test
    void nanModelIsNeverSaved() {
        try (TinyModel model = new TinyModel(3, 5)) {
            TrainingResult r = train(model);
            NDArray w = model.hfParameters().get("classifier.bias").getArray();
            w.addi(model.net().manager().full(new Shape(), Float.NaN, DataType.FLOAT32));
            Path version = dir.resolve("nan");
            assertThrows(NonFiniteModelException.class,
                    () -> ModelVersions.save(model, LABELS, provenance(r, model), version));
            assertFalse(Files.exists(version));
        }
    }
}
