package org.quotelab.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.ml.infer.VersionScorer;
import org.quotelab.ml.model.ComputeDevice;

/**
 * A fold head fitted and scored in memory gives the probabilities the same head gives once written
 * as a version and loaded back, and the cached features are the version's stage-1 features: the
 * quick start's cross-fitting may skip the round trip without changing what it computes.
 */
class FrozenEncoderHeadsTest {

    @Test
    void inMemoryScoresMatchTheWrittenVersion(@TempDir Path dir) throws Exception {
        SyntheticQuotes data = new SyntheticQuotes(48, 4);
        List<String> labels = java.util.Arrays.stream(data.labels).mapToObj(i -> SyntheticQuotes.LABELS.get(i)).toList();
        List<String> fit = data.texts.subList(0, 36);
        List<String> heldOut = data.texts.subList(36, 48);
        FrozenEncoderHeads heads = new FrozenEncoderHeads(BertModels.TINY, 128, 7);
        heads.fit(data.texts, labels, "all", dir.resolve("warm"), () -> false); // caches every text's features
        FrozenEncoderHeads.FoldScores memory = heads.fitAndScore(fit, labels.subList(0, 36), "fold", heldOut, () -> false);

        Path version = dir.resolve("fold");
        heads.fit(fit, labels.subList(0, 36), "fold", version, () -> false);
        try (VersionScorer s = VersionScorer.open(version, 128, 16, ComputeDevice.AUTO)) {
            assertEquals(memory.labels(), s.labels().labels());
            float[][] written = s.probabilities(heldOut);
            for (int i = 0; i < heldOut.size(); i++) {
                assertArrayEquals(written[i], memory.probabilities()[i], 1e-4f, "quote " + i);
            }
            float[][] features = s.scores(heldOut).features();
            float[][] cached = heads.unitFeatures(heldOut, () -> false);
            for (int i = 0; i < heldOut.size(); i++) {
                assertArrayEquals(features[i], cached[i], 1e-4f, "features of quote " + i);
            }
        }
    }
}
