package org.quotelab.service.continual;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drift checks on the project's sample days: quiet on stable batches, firing on the shifted days. */
class DriftCheckTest {

    private static final Logger LOG = LoggerFactory.getLogger(DriftCheckTest.class);
    private static final List<String> LABELS = List.of("0", "1");

    @Test
    void staysQuietOnStableBatchesFromOneDistribution() throws Exception {
        List<String> pool = new ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            pool.addAll(SampleDays.texts(d));
        }
        Collections.shuffle(pool, new Random(3));
        List<String> reference = pool.subList(0, 300);
        List<String> rest = pool.subList(300, pool.size());
        int alarms = 0;
        int batches = 24;
        // The permutation test is exact under the null whatever the encoder, so the tiny BERT suffices here.
        try (BertEmbedder embedder = BertEmbedder.tiny(1)) {
            DriftCheck check = new DriftCheck(embedder, DriftCheck.Settings.defaults());
            for (int b = 0; b < batches; b++) {
                List<String> batch = new ArrayList<>(rest);
                Collections.shuffle(batch, new Random(100 + b));
                DriftReport r = check.check("stable-" + b, reference, batch.subList(0, 150),
                        SampleDays::keywordProbabilities, 1.0, null, null, LABELS);
                if (r.drifted()) {
                    alarms++;
                    LOG.info("false alarm on {}: {}", r.batch(), r.alerts());
                }
            }
        }
        assertTrue(alarms <= batches * 0.05, alarms + " false alarms in " + batches + " stable batches");
    }

    @Test
    void firesOnTheShiftedSampleDaysWithTheBundledEncoder() throws Exception {
        List<String> reference = new ArrayList<>(SampleDays.texts(1));
        reference.addAll(SampleDays.texts(2));
        DriftCheck.Settings s = DriftCheck.Settings.defaults();
        try (BertEmbedder embedder = BertEmbedder.bundled()) {
            DriftCheck check = new DriftCheck(embedder, new DriftCheck.Settings(150, s.permutations(), s.alpha(),
                    s.accuracyDrop(), s.explain(), s.seed()));
            DriftReport stable = check.check("day-03", reference, SampleDays.texts(3), SampleDays::keywordProbabilities,
                    1.0, null, null, LABELS);
            LOG.info("day-03: p {} alerts {}", stable.mmdPValue(), stable.alerts());
            for (int day : new int[] {7, 10}) {
                DriftReport r = check.check("day-" + day, reference, SampleDays.texts(day),
                        SampleDays::keywordProbabilities, 1.0, null, null, LABELS);
                LOG.info("day-{}: p {} alerts {} explained by {}", day, r.mmdPValue(), r.alerts(), r.explainingQuotes());
                assertTrue(r.inputDrift(s.alpha()), "input drift on day " + day + ": p " + r.mmdPValue());
                assertFalse(r.explainingQuotes().isEmpty());
            }
            assertFalse(stable.inputDrift(s.alpha()), "day 3 is close to days 1-2: p " + stable.mmdPValue());
        }
    }
}
