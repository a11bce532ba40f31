package org.quotelab.service.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.service.AppHome;
import org.quotelab.service.ReviewFilters;
import org.quotelab.service.Workbench;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.domain.jobs.JobCancelledException;
import org.quotelab.service.jobs.JobRunner;
import org.quotelab.store.QuoteStore;

/** First run: the bundled sample days are imported into an empty store, in order, with progress; cancel keeps the store clean. */
class SampleDaysTest {
    @TempDir
    Path dir;

    private Workbench workbench() {
        AppHome home = new AppHome(dir);
        return new Workbench(QuoteStore.open(home.database()), home.models(), new JobRunner(1), "tester");
    }

    @Test
    void importsEveryBundledDayIntoAnEmptyStore() throws Exception {
        try (Workbench wb = workbench()) {
            assertTrue(wb.isEmpty());
            int bundled = wb.sampleDays().bundled().size();
            assertTrue(bundled >= 1, "the build copies sample-data/ to the classpath");
            List<Double> progress = new ArrayList<>();
            SampleDays.Outcome o = wb.sampleDays().importJob().run((f, m) -> progress.add(f), new CancellationToken());
            assertEquals(bundled, o.days().size());
            assertFalse(wb.isEmpty());
            assertEquals(bundled, wb.store().batches().count());
            assertEquals("day-01", wb.store().batches().list().get(0).day());
            assertEquals(o.rows(), wb.store().quotes().count());
            assertTrue(progress.stream().allMatch(f -> f >= 0 && f <= 1) && progress.get(progress.size() - 1) > 0.9);
            // the sample topics get their names from sample-data/topics.csv, in natural order, keys 1-9 then a
            var schema = wb.schema().schema();
            assertEquals("battery life", schema.name("1"));
            assertEquals("delivery", schema.name("3"));
            assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"),
                    schema.topics().stream().map(t -> t.key()).toList());
            assertEquals("a", schema.find("10").orElseThrow().hotkey());
        }
    }

    @Test
    void cancelledBeforeTheFirstDayStoresNothingAndPreferencesSurviveReopening() throws Exception {
        try (Workbench wb = workbench()) {
            CancellationToken token = new CancellationToken();
            token.cancel();
            assertThrows(JobCancelledException.class, () -> wb.sampleDays().importJob().run((f, m) -> { }, token));
            assertTrue(wb.isEmpty());
            wb.preferences().setLastView("Review");
            wb.preferences().setReviewFilters(ReviewFilters.NONE.withUnlabelled(true).withPredictedClass("screen"));
        }
        try (Workbench wb = workbench()) {
            assertEquals("Review", wb.preferences().lastView().orElseThrow());
            ReviewFilters f = wb.preferences().reviewFilters();
            assertTrue(f.unlabelled());
            assertEquals("screen", f.predictedClass());
        }
    }
}
