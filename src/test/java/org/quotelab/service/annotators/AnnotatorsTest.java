package org.quotelab.service.annotators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.LabelledBy;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.service.AppHome;
import org.quotelab.service.ReviewFilters;
import org.quotelab.service.Workbench;
import org.quotelab.service.jobs.JobRunner;
import org.quotelab.service.review.ReviewContext;
import org.quotelab.service.review.ReviewService;

/**
 * The annotator's name per machine, the workbench recording it, Review's filters by it, and
 * assignments. The store side of these runs on both databases in the store suite.
 */
class AnnotatorsTest {
    @TempDir
    Path dir;

    @Test
    void theSavedNameIsReadBackAndADamagedFileFallsBackToTheOsUser() throws Exception {
        AnnotatorSettings settings = new AnnotatorSettings(dir);
        assertEquals(Optional.empty(), settings.saved());
        assertEquals(AnnotatorSettings.osUser(), settings.current());
        assertEquals("Ann Lee", settings.save("  Ann Lee "));
        assertEquals(Optional.of("Ann Lee"), new AnnotatorSettings(dir).saved());
        assertThrows(IllegalArgumentException.class, () -> settings.save(" "));
        assertEquals("Ann Lee", settings.current());
        Files.writeString(dir.resolve(AnnotatorSettings.FILE), "name=a,b\n");
        assertEquals(AnnotatorSettings.osUser(), settings.current());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }

    @Test
    void theWorkbenchRecordsTheChosenAnnotatorAndReviewFiltersByIt() throws Exception {
        AppHome home = new AppHome(dir);
        new AnnotatorSettings(home.root()).save("ann");
        Path csv = Files.writeString(dir.resolve("day.csv"), "quote_id,quote_text,label\nq1,a,\nq2,b,\nq3,c,\n");
        try (Workbench wb = Workbench.open(home, new JobRunner(1))) {
            assertTrue(wb.annotatorChosen());
            assertEquals("ann", wb.author());
            long batch = wb.imports().importFile(csv, ImportOptions.defaults()).batches().get(0).id();
            List<Long> ids = wb.store().quotes().page(null, 0, 10).items().stream().map(q -> q.id()).toList();
            wb.review().label(ids.get(0), QuoteLabel.outOfTopic(), LabelSource.EXPERT,
                    wb.store().labels().state(ids.get(0)).version());

            assertEquals("bob", wb.setAnnotator(" bob"));
            assertEquals(Optional.of("bob"), new AnnotatorSettings(home.root()).saved());
            wb.review().label(ids.get(1), QuoteLabel.outOfTopic(), LabelSource.MODEL_ACCEPTED,
                    wb.store().labels().state(ids.get(1)).version());
            assertEquals("bob", wb.store().labels().history(ids.get(1)).get(0).changedBy());
            assertEquals("ann", wb.store().labels().current(ids.get(0)).orElseThrow().updatedBy());

            ReviewContext ctx = wb.review().context();
            assertEquals("bob", ctx.annotator());
            assertEquals(List.of(ids.get(1)), read(wb, ctx, ReviewFilters.NONE.withLabelledBy(LabelledBy.ME)));
            assertEquals(List.of(ids.get(0)), read(wb, ctx, ReviewFilters.NONE.withLabelledBy(LabelledBy.OTHERS)));
            assertEquals(List.of(ids.get(2)), read(wb, ctx, ReviewFilters.NONE.withLabelledBy(LabelledBy.NOBODY)));
            assertTrue(read(wb, ctx, ReviewFilters.NONE.withMyBatches(true)).isEmpty());

            assertEquals(List.of("bob", "cat"), wb.assignments().assign(batch, List.of("cat", "bob")));
            assertEquals(List.of(batch), wb.assignments().mine());
            ctx = wb.review().context();
            assertTrue(ctx.isMine(batch));
            assertEquals(ids, read(wb, ctx, ReviewFilters.NONE.withMyBatches(true)));
            assertEquals(List.of(ids.get(1)), read(wb, ctx,
                    ReviewFilters.NONE.withMyBatches(true).withLabelledBy(LabelledBy.ME)));
        }
    }

    @Test
    void theFiltersByAnnotatorAreSavedWithTheOthers() {
        ReviewFilters f = ReviewFilters.NONE.withBatch(4L).withLabelledBy(LabelledBy.OTHERS).withMyBatches(true);
        assertEquals(f, ReviewFilters.decode(f.encode()));
        // filters saved before these existed read as "anyone", "all batches"
        ReviewFilters old = ReviewFilters.decode("unlabelled=true\tuncertain=false\tdisagreement=false");
        assertEquals(LabelledBy.ANYONE, old.labelledBy());
        assertFalse(old.myBatches());
        assertEquals(LabelledBy.ANYONE, ReviewFilters.decode("labelledBy=somebody").labelledBy());
    }

    private static List<Long> read(Workbench wb, ReviewContext ctx, ReviewFilters f) {
        return wb.review().page(ReviewService.filter(ctx, f), 0, 100).items().stream().map(r -> r.quote().id()).toList();
    }
}
