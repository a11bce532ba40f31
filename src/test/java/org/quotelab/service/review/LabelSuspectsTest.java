package org.quotelab.service.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.ReviewFilters;
import org.quotelab.service.Workbench;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.ui.TinyCascade;

/**
 * The "Label suspects" queue on a real store scored by the tiny cascade: it holds exactly the
 * labelled quotes whose prediction is another class at or above that class's confident-learning
 * threshold, most confident first across pages, and a label made wrong on purpose joins it.
 */
class LabelSuspectsTest {

    @Test
    void holdsConfidentContradictionsRankedAndCatchesAPlantedLabelError(@TempDir Path dir) throws Exception {
        try (Workbench wb = TinyCascade.workbench(dir)) {
            TinyCascade.prepare(wb, dir, 60);
            wb.predictions().scoreBatch(null, ProgressSink.NONE, new CancellationToken());
            ReviewService review = wb.review();
            ReviewContext ctx = review.context();
            Map<String, Double> t = ctx.suspectThresholds();
            assertTrue(t.containsKey(QuoteFilter.OUT_OF_TOPIC), t.toString());
            assertEquals(4, t.size(), "out-of-topic and the three topics: " + t);

            // plant an error: the quote the model is surest of, labelled as it predicts, gets another class
            List<QuoteRow> all = rows(review, ReviewService.filter(ctx, ReviewFilters.NONE), 1000);
            QuoteRow surest = all.stream().filter(r -> r.label() != null && cls(r.prediction().predictedLabel(),
                    r.prediction().predictedTopic()).equals(cls(r.label().label().label(), r.label().label().topic())))
                    .max(Comparator.comparingDouble(r -> r.prediction().confidence())).orElseThrow();
            String predicted = cls(surest.prediction().predictedLabel(), surest.prediction().predictedTopic());
            QuoteLabel wrong = predicted.equals(QuoteFilter.OUT_OF_TOPIC) ? QuoteLabel.inTopic("delivery")
                    : QuoteLabel.outOfTopic();
            review.label(surest.quote().id(), wrong, LabelSource.EXPERT, surest.labelVersion());

            ctx = review.context();
            Map<String, Double> thresholds = ctx.suspectThresholds();
            QuoteFilter queue = ReviewService.filter(ctx, ReviewFilters.NONE.withSuspects(true));
            List<QuoteRow> suspects = rows(review, queue, 3); // small pages: the keyset keeps the ranking
            assertEquals(review.count(queue), suspects.size());
            assertFalse(suspects.isEmpty());
            assertTrue(suspects.stream().anyMatch(r -> r.quote().id() == surest.quote().id()), "the planted error");

            // exactly the labelled quotes predicted as another class at or above its threshold
            List<Long> expected = new ArrayList<>();
            for (QuoteRow r : rows(review, ReviewService.filter(ctx, ReviewFilters.NONE), 1000)) {
                if (r.label() == null || r.prediction() == null) {
                    continue;
                }
                String given = cls(r.label().label().label(), r.label().label().topic());
                String model = cls(r.prediction().predictedLabel(), r.prediction().predictedTopic());
                if (!given.equals(model) && r.prediction().confidence() >= thresholds.getOrDefault(model, 2.0)) {
                    expected.add(r.quote().id());
                }
            }
            assertEquals(expected.stream().sorted().toList(),
                    suspects.stream().map(r -> r.quote().id()).sorted().toList());
            for (int i = 1; i < suspects.size(); i++) {
                assertTrue(suspects.get(i - 1).prediction().confidence() >= suspects.get(i).prediction().confidence(),
                        "most confident first");
            }
            // the queue is one of the counted queues, and a stored preference brings it back
            assertEquals(ReviewFilters.NONE.withSuspects(true),
                    ReviewFilters.decode(ReviewFilters.NONE.withSuspects(true).encode()));
            // the merged probability of the given class: what the thresholds average
            Map<String, Double> sums = new HashMap<>();
            assertEquals(1.0, LabelSuspects.probability(surest.prediction(), QuoteFilter.OUT_OF_TOPIC)
                    + List.of("battery", "screen", "delivery").stream()
                    .mapToDouble(c -> LabelSuspects.probability(surest.prediction(), c)).sum(), 1e-6, sums.toString());
        }
    }

    private static String cls(int label, String topic) {
        return label == 0 ? QuoteFilter.OUT_OF_TOPIC : topic;
    }

    private static List<QuoteRow> rows(ReviewService review, QuoteFilter f, int pageSize) {
        List<QuoteRow> out = new ArrayList<>();
        long after = 0;
        while (true) {
            Page<QuoteRow> page = review.page(f, after, pageSize);
            out.addAll(page.items());
            if (page.items().size() < pageSize) {
                return out;
            }
            after = page.items().get(page.items().size() - 1).quote().id();
        }
    }
}
