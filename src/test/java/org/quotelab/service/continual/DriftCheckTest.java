package org.quotelab.service.continual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quotelab.domain.drift.DriftTest;
import org.quotelab.domain.drift.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drift checks on the project's sample days: no alert on a shuffled stream without drift, an alert
 * on a planted share shift, and input drift on the days the sample data shifts.
 */
class DriftCheckTest {

    private static final Logger LOG = LoggerFactory.getLogger(DriftCheckTest.class);
    private static final List<String> LABELS = List.of("0", "1");

    private static List<String[]> pool(long seed) throws Exception {
        List<String[]> pool = new ArrayList<>();
        for (int d = 1; d <= 10; d++) {
            pool.addAll(SampleDays.labelled(d));
        }
        Collections.shuffle(pool, new Random(seed));
        return pool;
    }

    private static List<String> texts(List<String[]> rows) {
        return rows.stream().map(r -> r[0]).toList();
    }

    private static List<String> labels(List<String[]> rows) {
        return rows.stream().map(r -> r[1]).toList();
    }

    @Test
    void aShuffledStreamWithoutDriftGivesNoAlert() throws Exception {
        List<String[]> pool = pool(11);
        List<String[]> reference = pool.subList(0, 200);
        // The permutation test is exact under the null whatever the encoder, so the tiny BERT suffices here.
        try (BertEmbedder embedder = BertEmbedder.tiny(1)) {
            DriftCheck check = new DriftCheck(embedder, DriftCheck.Settings.defaults());
            for (int b = 1; b <= 6; b++) {
                List<String[]> batch = pool.subList(200 * b, 200 * (b + 1));
                DriftReport r = check.check("shuffled-" + b, texts(reference), texts(batch),
                        SampleDays::keywordProbabilities, 1.0, labels(reference), labels(batch), LABELS);
                LOG.info("{}: {} {}", r.batch(), r.severity(), r.tests());
                assertEquals(5, r.tests().size(), "input, label, prediction, confidence, estimated accuracy");
                for (DriftTest t : r.tests()) {
                    assertTrue(t.adjustedP() >= t.pValue(), t.toString());
                    assertEquals(200, t.currentSize());
                }
                assertFalse(r.drifted(), r.batch() + ": " + r.alerts());
                assertEquals(Severity.NONE, r.severity());
            }
        }
    }

    @Test
    void aPlantedShareShiftIsFlaggedWithItsEffectSize() throws Exception {
        List<String[]> pool = pool(12);
        List<String[]> reference = pool.subList(0, 200);
        List<String[]> out = new ArrayList<>();
        List<String[]> in = new ArrayList<>();
        pool.subList(200, pool.size()).forEach(r -> ("0".equals(r[1]) ? out : in).add(r));
        // out-of-topic share raised from about 20 % to 45 %
        List<String[]> batch = new ArrayList<>(out.subList(0, 90));
        batch.addAll(in.subList(0, 110));
        try (BertEmbedder embedder = BertEmbedder.tiny(1)) {
            DriftCheck check = new DriftCheck(embedder, DriftCheck.Settings.defaults());
            DriftReport r = check.check("planted", texts(reference), texts(batch), SampleDays::keywordProbabilities,
                    1.0, labels(reference), labels(batch), LABELS);
            LOG.info("planted: {} {}", r.severity(), r.alerts());
            assertTrue(r.drifted());
            DriftTest label = r.tests().stream().filter(t -> t.kind() == DriftTest.Kind.LABEL).findFirst().orElseThrow();
            assertTrue(label.severity().compareTo(Severity.MODERATE) >= 0, label.toString());
            assertTrue(label.effect() > 0.15 && label.effectLow() > 0.05, label.toString());
            assertTrue(label.adjustedP() < 0.01, label.toString());
            assertEquals(r.severity(), r.tests().stream().map(DriftTest::severity).max(Severity::compareTo).orElseThrow());
        }
    }

    @Test
    void modelOutputTestsNeedQuotesTheModelDidNotTrainOn() throws Exception {
        List<String[]> pool = pool(13);
        List<String> ref = texts(pool.subList(0, 200));
        List<String> cur = texts(pool.subList(200, 400));
        try (BertEmbedder embedder = BertEmbedder.tiny(1)) {
            DriftCheck check = new DriftCheck(embedder, DriftCheck.Settings.defaults());
            DriftReport r = check.check("few-unseen", new DriftCheck.Sample(ref, null, ref.subList(0, 10)),
                    DriftCheck.Sample.allUnseen(cur, null), SampleDays::keywordProbabilities, 1.0, LABELS);
            assertEquals(1, r.tests().size(), "only the input test");
            assertEquals(1, r.notes().size());
            assertTrue(Double.isNaN(r.ksStatistic()));
        }
    }

    @Test
    void firesOnTheShiftedSampleDaysWithTheBundledEncoder() throws Exception {
        List<String> reference = new ArrayList<>(SampleDays.texts(1));
        reference.addAll(SampleDays.texts(2));
        DriftCheck.Settings s = DriftCheck.Settings.defaults().withMaxSample(150);
        try (BertEmbedder embedder = BertEmbedder.bundled()) {
            DriftCheck check = new DriftCheck(embedder, s);
            DriftReport stable = check.check("day-03", reference, SampleDays.texts(3), SampleDays::keywordProbabilities,
                    1.0, null, null, LABELS);
            LOG.info("day-03: p {} alerts {}", stable.mmdPValue(), stable.alerts());
            for (int day : new int[] {7, 10}) {
                DriftReport r = check.check("day-" + day, reference, SampleDays.texts(day),
                        SampleDays::keywordProbabilities, 1.0, null, null, LABELS);
                LOG.info("day-{}: {} {} explained by {}", day, r.severity(), r.tests(), r.explainingQuotes());
                assertTrue(input(r).adjustedP() < s.alpha(), "input drift on day " + day + ": " + input(r));
                assertFalse(r.explainingQuotes().isEmpty());
            }
            assertTrue(input(stable).adjustedP() >= s.alpha(), "day 3 is close to days 1-2: " + input(stable));
        }
    }

    private static DriftTest input(DriftReport r) {
        return r.tests().stream().filter(t -> t.kind() == DriftTest.Kind.INPUT).findFirst().orElseThrow();
    }
}
