package org.quotelab.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.unfamiliar.FeatureStatistics;
import org.quotelab.ml.infer.Scores;
import org.quotelab.ml.infer.VersionScorer;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.versions.FeatureStatisticsFile;
import org.quotelab.ml.versions.ModelFolders;
import org.quotelab.ml.versions.ModelVersions;

/** The unfamiliar score's statistics on a real (tiny, random) BERT version saved to disk. */
class UnfamiliarFitTest {

    @TempDir
    static Path dir;
    static Path version;
    static List<String> texts = new ArrayList<>();
    static List<String> labels = new ArrayList<>();

    @BeforeAll
    static void trainATinyVersion() throws Exception {
        Random r = new Random(5);
        String[] good = {"tasty", "friendly", "cozy", "fresh"};
        String[] bad = {"cold", "rude", "noisy", "stale"};
        for (int i = 0; i < 80; i++) {
            boolean in = r.nextBoolean();
            texts.add("the " + (in ? good : bad)[r.nextInt(4)] + " dish was " + (in ? "great" : "awful")
                    + " and more".repeat(r.nextInt(3)));
            labels.add(in ? "1" : "0");
        }
        version = dir.resolve("stage1");
        TrainingConfig cfg = TrainingConfig.builder().epochs(1).batchSize(16).learningRate(1e-3).maxLength(32)
                .seed(3).build();
        new FineTuneRun(BertModels.on(ComputeDevice.AUTO), FineTuneListener.none()).run(new FineTuneRun.Request(texts, labels,
                List.of(), List.of(), BertModels.TINY, null, cfg, 0.25, "label"), version, () -> false);
    }

    @Test
    void featuresComeFromTheScoringPassAndAVersionWithoutStatisticsScoresUnknown() throws Exception {
        Path bare = dir.resolve("bare");
        ModelFolders.copyTree(version, bare);
        Files.deleteIfExists(bare.resolve(FeatureStatisticsFile.FILE));
        try (VersionScorer scorer = VersionScorer.open(bare, 32, 8, ComputeDevice.AUTO)) {
            Scores s = scorer.scores(texts.subList(0, 10));
            float[][] alone = scorer.probabilities(texts.subList(0, 10));
            for (int i = 0; i < 10; i++) {
                assertArrayEquals(alone[i], s.probabilities()[i], 1e-5f, "same probabilities as a plain pass");
                assertEquals(1.0, norm(s.features()[i]), 1e-4, "features are L2-normalised");
            }
            assertNull(scorer.statistics());
            assertNull(scorer.unfamiliar(s), "no statistics: unknown, not an error");
        }
    }

    @Test
    void fittedStatisticsAreSavedWithTheVersionAndFlagTheChosenShareOfHeldOutQuotes() throws Exception {
        Path v = dir.resolve("fitted");
        ModelFolders.copyTree(version, v);
        FeatureStatistics fitted = UnfamiliarFit.fitAndSaveWithSplit(v, texts, labels, 0.25, 3);
        assertNotNull(fitted);
        assertEquals(60, fitted.fitted());
        assertEquals(20, fitted.heldOut());
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) ModelVersions.provenance(v).metrics().get("unfamiliar");
        assertEquals(fitted.cutoff(), (Double) summary.get("cutoff"), 1e-12);
        assertEquals(20, summary.get("held_out_quotes"));

        // the validation split FineTuneRun held out: the cut-off is the 0.95 quantile of its distances
        List<String> heldOut = new ArrayList<>();
        int[][] split = org.quotelab.ml.train.DataSplit.stratified(
                org.quotelab.ml.model.LabelMap.fromValues(labels).indexes(labels), 2, 0.25, 3);
        for (int i : split[1]) {
            heldOut.add(texts.get(i));
        }
        try (VersionScorer scorer = VersionScorer.open(v, 32, 8, ComputeDevice.AUTO)) {
            assertNotNull(scorer.statistics());
            double[] d = scorer.unfamiliar(scorer.scores(heldOut));
            double cutoff = scorer.statistics().cutoff();
            assertEquals(cutoff, FeatureStatistics.quantile(d, 0.95), 1e-3 * cutoff, "read back as float32");
            // at or beyond the cut-off (float32 read-back): tied largest distances all count
            long flagged = java.util.Arrays.stream(d).filter(x -> x >= cutoff * (1 - 1e-4)).count();
            assertTrue(flagged >= 1 && flagged <= 2, flagged + " of 20 at or beyond the cut-off");
            double[] far = scorer.unfamiliar(scorer.scores(List.of(
                    "section 4 of the licence grants a perpetual worldwide royalty free patent licence",
                    "returns the number of bytes written to the stream or raises an error")));
            assertEquals(2, far.length);
            assertTrue(far[0] > 0 && far[1] > 0);
        }
    }

    @Test
    void aDamagedStatisticsFileReadsAsUnknown() throws Exception {
        Path v = dir.resolve("damaged");
        ModelFolders.copyTree(version, v);
        Files.writeString(v.resolve(FeatureStatisticsFile.FILE), "not a safetensors file");
        assertTrue(FeatureStatisticsFile.read(v).isEmpty());
        try (VersionScorer scorer = VersionScorer.open(v, 32, 8, ComputeDevice.AUTO)) {
            assertNull(scorer.unfamiliar(scorer.scores(texts.subList(0, 3))));
        }
    }

    @Test
    void withoutHeldOutQuotesNothingIsWritten() throws Exception {
        Path v = dir.resolve("no-held-out");
        ModelFolders.copyTree(version, v);
        assertNull(UnfamiliarFit.fitAndSaveWithSplit(v, texts, labels, 0, 3));
        assertTrue(Files.notExists(v.resolve(FeatureStatisticsFile.FILE)));
    }

    @Test
    void aRecipeThatHoldsNothingOutStillGetsACutOffSaidToComeFromSeenQuotes() throws Exception {
        Path v = dir.resolve("all-rows");
        ModelFolders.copyTree(version, v);
        FeatureStatistics fitted = UnfamiliarFit.fitAndSaveAfterFineTune(v, texts, labels, 0, 3);
        assertNotNull(fitted);
        assertEquals(8, fitted.heldOut(), "a tenth of the 80 training quotes");
        assertTrue(Files.exists(v.resolve(FeatureStatisticsFile.FILE)));
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) ModelVersions.provenance(v).metrics().get("unfamiliar");
        assertTrue(summary.toString().contains("also learned"), summary.toString());
        // a recipe with a hold-out uses that very split, as before
        Path w = dir.resolve("held-out");
        ModelFolders.copyTree(version, w);
        assertEquals(20, UnfamiliarFit.fitAndSaveAfterFineTune(w, texts, labels, 0.25, 3).heldOut());
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
