package org.quotelab.service.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.Workbench;
import org.quotelab.service.cascade.CascadeOutput;
import org.quotelab.service.cascade.CascadeScorer;
import org.quotelab.service.cascade.EvaluationScope;
import org.quotelab.service.cascade.SeenQuotes;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.service.models.CascadePair;
import org.quotelab.service.models.Cascades;
import org.quotelab.ui.TinyCascade;

/** Evaluation of a stored cascade on a real H2 store with the tiny cascade; no UI. */
class CascadeEvaluatorTest {

    @Test
    void evaluatesScoresTheMissingOnceAndStoresPerBatch(@TempDir Path dir) throws Exception {
        try (Workbench wb = TinyCascade.workbench(dir)) {
            TinyCascade.prepare(wb, dir, 60);
            Path day2 = dir.resolve("day-02.csv");
            Files.writeString(day2, "quote_id,quote_text,label,topic\n"
                    + "r1,the battery died after 3 days,1,battery\n"
                    + "r2,my cousin has 4 cats,0,\n"
                    + "r3,the warranty card was missing,1,warranty\n"
                    + "r4,delivery took 9 days,1,delivery\n"
                    + "r5,no label here,,\n", StandardCharsets.UTF_8);
            wb.store().importer().importFile(day2, ImportOptions.defaults());
            List<Batch> batches = wb.store().batches().list();
            assertEquals(2, batches.size());
            CascadePair pair = new Cascades(wb.store()).active().orElseThrow();
            CascadeEvaluator evaluator = new CascadeEvaluator(wb.store(), wb.predictions());

            // the cascade saw one quote of the first day: the default scope leaves it out
            long seenId = wb.store().quotes().review(QuoteFilter.all().withBatch(batches.get(0).id())
                    .withLabelled(true), 0, 1).items().get(0).quote().id();
            SeenQuotes.Training saw = new SeenQuotes.Training(List.of(seenId), List.of(), null);
            new SeenQuotes(wb.store()).record(pair.stage1(), saw);
            new SeenQuotes(wb.store()).record(pair.stage2(), saw);

            Evaluation all = evaluator.evaluate(pair, List.of(), ProgressSink.NONE, new CancellationToken());
            long labelled = wb.store().quotes().count(QuoteFilter.all().withLabelled(true));
            assertEquals(EvaluationScope.HELD_OUT, all.scope());
            assertEquals("held-out", all.scopeLabel());
            assertEquals(1, all.skipped()); // "warranty" is no topic of the cascade
            assertEquals(labelled - 2, all.matrix().total());
            assertTrue(java.util.Arrays.stream(all.quoteIds()).noneMatch(id -> id == seenId));
            assertEquals(labelled - 1, all.scored()); // nothing was cached yet; the seen quote is not read
            assertEquals(all.matrix().total(), all.intervals().endToEnd().accuracy().n());
            int cells = 0;
            for (int t = 0; t < all.matrix().size(); t++) {
                for (int p = 0; p < all.matrix().size(); p++) {
                    assertEquals(all.matrix().count(t, p), all.cell(t, p).size());
                    cells += all.cell(t, p).size();
                }
            }
            assertEquals(all.size(), cells);

            // the cached probabilities give what the models say when run again now
            List<QuoteRow> rows = wb.store().quotes().review(QuoteFilter.all().withQuoteIds(
                    java.util.Arrays.stream(all.quoteIds()).boxed().toList()), 0, 1000).items();
            try (CascadeScorer scorer = CascadeScorer.open(pair.folder(), 128, 64)) {
                CascadeOutput out = scorer.score(rows.stream().map(r -> r.quote().text()).toList());
                int[] fresh = new int[rows.size()];
                for (int i = 0; i < fresh.length; i++) {
                    fresh[i] = out.decide(i, all.at()).finalClass();
                }
                assertArrayEquals(fresh, all.predicted());
            }

            Evaluation again = evaluator.evaluate(pair, List.of(), ProgressSink.NONE, new CancellationToken());
            assertEquals(0, again.scored());
            assertArrayEquals(all.predicted(), again.predicted());

            Batch second = batches.get(1);
            Evaluation one = evaluator.evaluate(pair, List.of(second.id()), ProgressSink.NONE, new CancellationToken());
            assertEquals(3, one.matrix().total());
            assertEquals(1, one.skipped());

            for (Batch b : batches) {
                String set = EvaluationStore.evalSet(pair.stage1().id(), b.id());
                long support = wb.store().metrics().classMetrics(pair.stage2().id(), set).stream()
                        .mapToLong(r -> r.support()).sum();
                long inBatch = wb.store().quotes().count(QuoteFilter.all().withBatch(b.id()).withLabelled(true));
                assertEquals(inBatch - 1, support); // the seen quote, or the unknown topic
                int[][] m = wb.store().metrics().confusion(pair.stage2().id(), set).orElseThrow().counts();
                assertEquals(support, java.util.Arrays.stream(m).flatMapToInt(java.util.Arrays::stream).sum());
            }

            List<ClassRow> table = ClassRow.of(all, again);
            assertEquals(all.matrix().size() + (all.figures().stage2() == null ? 0 : 1), table.size());
            assertTrue(table.stream().allMatch(r -> r.deltaF1() == 0.0));
            assertEquals("out-of-topic", table.get(0).label());

            Evaluation everything = evaluator.evaluate(pair, List.of(), EvaluationScope.ALL, ProgressSink.NONE,
                    new CancellationToken());
            assertEquals(labelled - 1, everything.matrix().total());
            assertEquals("all (includes 1 seen)", everything.scopeLabel());
            Evaluation seen = evaluator.evaluate(pair, List.of(), EvaluationScope.SEEN, ProgressSink.NONE,
                    new CancellationToken());
            assertEquals(1, seen.matrix().total());
            assertEquals("seen", seen.scopeLabel());
            // figures on other scopes never replace the held-out ones Monitoring charts
            String set = EvaluationStore.evalSet(pair.stage1().id(), batches.get(0).id());
            long support = wb.store().metrics().classMetrics(pair.stage2().id(), set).stream()
                    .mapToLong(r -> r.support()).sum();
            long inFirst = wb.store().quotes().count(QuoteFilter.all().withBatch(batches.get(0).id()).withLabelled(true));
            assertEquals(inFirst - 1, support);
        }
    }

    @Test
    void withoutRecordsOnlyTheValidationPartCountsAsHeldOut(@TempDir Path dir) throws Exception {
        try (Workbench wb = TinyCascade.workbench(dir)) {
            TinyCascade.prepare(wb, dir, 60);
            CascadePair pair = new Cascades(wb.store()).active().orElseThrow();
            Evaluation e = new CascadeEvaluator(wb.store(), wb.predictions()).evaluate(pair, List.of(),
                    ProgressSink.NONE, new CancellationToken());
            long validation = wb.store().quotes().count(QuoteFilter.all().withLabelled(true).withValidation(true));
            assertTrue(validation > 0 && validation < 60, "validation part " + validation);
            assertEquals(validation, e.size() + e.skipped());
            assertTrue(e.scopeLabel().contains("not recorded"), e.scopeLabel());
        }
    }
}
