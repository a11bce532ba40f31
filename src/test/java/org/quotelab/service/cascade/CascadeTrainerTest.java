package org.quotelab.service.cascade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.cascade.CascadeScores;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.cascade.Recommendation;
import org.quotelab.domain.cascade.ThresholdSweep;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.TrainingCancelledException;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.FineTuneListener;

/** The whole cascade pipeline on a tiny random BERT: real training, scoring and calibration. */
class CascadeTrainerTest {

    @TempDir
    Path dir;

    static List<LabelledText> quotes(int n, long seed) {
        String[][] topics = {
            {"battery", "the battery died after %d days", "battery life is only %d hours", "charge lasts %d hours"},
            {"screen", "the screen cracked after %d weeks", "display is too dim at %d percent", "screen flickers %d times"},
            {"delivery", "delivery took %d days", "the parcel arrived %d days late", "courier came after %d days"},
        };
        String[] off = {"I bought it for my son %d", "we went to the park on day %d", "my cousin has %d cats"};
        Random rnd = new Random(seed);
        List<LabelledText> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % 4 == 3) {
                out.add(new LabelledText(String.format(off[rnd.nextInt(3)], rnd.nextInt(30)), false, null));
            } else {
                String[] t = topics[i % 3];
                out.add(new LabelledText(String.format(t[1 + rnd.nextInt(3)], 1 + rnd.nextInt(30)), true, t[0]));
            }
        }
        return out;
    }

    private static CascadeConfig tinyConfig(Construction c) {
        TrainingConfig t = TrainingConfig.builder().epochs(2).batchSize(8).learningRate(1e-3).seed(3).build();
        CascadeConfig d = CascadeConfig.defaults(BertModels.TINY).withStages(t, t).withConstruction(c);
        return d.withFolds(2);
    }

    @Test
    void trainsCalibratesAndScoresBothConstructions() throws Exception {
        List<LabelledText> data = quotes(72, 1);
        for (Construction c : Construction.values()) {
            List<String> phases = new ArrayList<>();
            Path out = dir.resolve(c.name());
            CascadeModel m = new CascadeTrainer(new FineTuneListener() { }, phases::add, ComputeDevice.AUTO)
                    .train(data, tinyConfig(c), out, () -> false);
            assertEquals(List.of("battery", "delivery", "screen"), m.topics());
            assertTrue(m.stage1Temperature() > 0 && m.stage2Temperature() > 0);
            assertTrue(m.threshold() >= 0 && m.threshold() <= 1);
            assertEquals(c.name(), m.construction());
            CascadeModel read = CascadeModel.read(out);
            assertEquals(m.threshold(), read.threshold());
            assertEquals(m.stage2Temperature(), read.stage2Temperature());
            assertEquals(m.topics(), read.topics());
            assertFalse(Files.exists(out.resolve(".folds")));
            assertEquals(c == Construction.CROSS_FIT, phases.stream().anyMatch(p -> p.startsWith("cross-fitting")));
            assertFalse(Files.exists(out.resolve(".folds2")));
            if (c == Construction.CROSS_FIT) {
                // calibrated and tuned on the out-of-fold scores of every training quote
                assertEquals("out-of-fold", m.facts().get("calibration"));
                assertEquals(72, ((Number) m.facts().get("calibration_quotes")).intValue());
                assertTrue(phases.stream().anyMatch(p -> p.startsWith("cross-fitting stage 2")), phases.toString());
                // the unfamiliar cut-off, too, comes from quotes the fold models did not learn: all 72 of them
                java.util.Map<?, ?> u = (java.util.Map<?, ?>) org.quotelab.ml.versions.ModelVersions
                        .provenance(out.resolve("stage1")).metrics().get("unfamiliar");
                assertEquals(org.quotelab.ml.train.UnfamiliarFit.OUT_OF_FOLD_SOURCE, u.get("held_out_source"));
                assertEquals(72, ((Number) u.get("held_out_quotes")).intValue());
                assertTrue(((Number) u.get("cutoff")).doubleValue() > 0, u.toString());
                // the scores the point was chosen on stay beside cascade.json, one row per training quote
                List<String> oof = Files.readAllLines(out.resolve(OutOfFold.FILE));
                assertEquals("row,truth,p_in_topic,p_not_pertinent,p_battery,p_delivery,p_screen,unfamiliar_distance",
                        oof.get(0).replace("\"", ""));
                assertEquals(73, oof.size());
                String[] first = oof.get(1).split(",");
                double p = Double.parseDouble(first[2]);
                assertTrue(p >= 0 && p <= 1 && Double.parseDouble(first[7]) > 0, oof.get(1));
            } else {
                assertEquals("held-out part", m.facts().get("calibration"));
                assertFalse(Files.exists(out.resolve(OutOfFold.FILE)));
            }
            // 18 out-of-topic quotes cannot give 30 class-0 examples: the plain rule stays, with the count
            assertEquals(Recommendation.PLAIN_RULE, m.operatingPoint());
            assertEquals(Boolean.TRUE, m.facts().get("plain_rule"));
            String reason = (String) m.facts().get("recommendation");
            assertTrue(reason.contains("only " + m.facts().get("class0_support") + " class-0 example"), reason);
            assertTrue(phases.stream().anyMatch(p -> p.startsWith("operating point: plain rule kept")), phases.toString());
            assertTrue(m.facts().containsKey("plain_rule_end_to_end_macro_f1_ci"));

            List<LabelledText> test = quotes(24, 9);
            try (CascadeScorer scorer = CascadeScorer.open(out, 64, 16)) {
                CascadeOutput o = scorer.score(CascadeTrainer.texts(test));
                assertEquals(24, o.size());
                for (double[] row : o.stage2()) {
                    double sum = 0;
                    for (double v : row) {
                        sum += v;
                    }
                    assertEquals(1.0, sum, 1e-6);
                }
                CascadeScores s = o.against(test, 1);
                assertEquals(ThresholdSweep.grid(10).length, ThresholdSweep.run(s, ThresholdSweep.grid(10)).size());
            }
        }
    }

    @Test
    void reusesATrainedStage1() throws Exception {
        List<LabelledText> data = quotes(48, 6);
        Path first = dir.resolve("first");
        new CascadeTrainer(new FineTuneListener() { }, p -> { }, ComputeDevice.AUTO).train(data, tinyConfig(Construction.SEED), first, () -> false);
        Path second = dir.resolve("second");
        List<String> phases = new ArrayList<>();
        new CascadeTrainer(new FineTuneListener() { }, phases::add, ComputeDevice.AUTO)
                .train(data, tinyConfig(Construction.SEED).withStage1Version(first.resolve("stage1")), second, () -> false);
        assertTrue(phases.get(0).startsWith("stage 1: reusing"), phases.get(0));
        assertEquals(-1L, Files.mismatch(first.resolve("stage1/model.safetensors"), second.resolve("stage1/model.safetensors")));
    }

    @Test
    void cancelledTrainingLeavesNoFolder() {
        Path out = dir.resolve("cancelled");
        assertThrows(TrainingCancelledException.class, () -> new CascadeTrainer(new FineTuneListener() { }, p -> { }, ComputeDevice.AUTO)
                .train(quotes(48, 2), tinyConfig(Construction.SEED), out, () -> true));
        assertFalse(Files.exists(out));
    }

    /** The unfamiliar cut-off training recorded in stage 1's provenance. */
    static double cutoff(Path cascade) throws java.io.IOException {
        Object u = org.quotelab.ml.versions.ModelVersions.provenance(cascade.resolve("stage1")).metrics().get("unfamiliar");
        return ((Number) ((java.util.Map<?, ?>) u).get("cutoff")).doubleValue();
    }
}
