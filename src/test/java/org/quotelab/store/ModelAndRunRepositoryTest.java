package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.domain.model.ClassMetricRow;
import org.quotelab.domain.model.ConfusionRecord;
import org.quotelab.domain.model.EpochMetrics;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.model.LossPoint;
import org.quotelab.domain.model.ModelStatus;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.domain.quote.ReplayEntry;
import org.quotelab.domain.model.RunStatus;
import org.quotelab.domain.model.TrainingRun;
import org.quotelab.store.StoreFixture.StoreKind;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ModelAndRunRepositoryTest {
    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    @Test
    void versionsRunsMetricsReplayAndSettings() throws Exception {
        try (QuoteStore s = StoreFixture.open(kind, dir)) {
            ModelVersion v1 = s.models().create(1, null, "models/s1-1", "{\"base\":\"minilm\"}", "{}");
            ModelVersion v2 = s.models().create(1, v1.id(), "models/s1-2", "{}", "{}");
            assertEquals(ModelStatus.CANDIDATE, v2.status());
            s.models().activate(v1.id(), "first");
            s.models().activate(v2.id(), "better");
            assertEquals(v2.id(), s.models().active(1).orElseThrow().id());
            assertEquals(ModelStatus.RETIRED, s.models().find(v1.id()).orElseThrow().status());
            s.models().activate(v1.id(), "roll back");
            assertEquals(v1.id(), s.models().active(1).orElseThrow().id());
            assertEquals(v1.id(), s.models().find(v2.id()).orElseThrow().parentId());

            TrainingRun run = s.runs().start("job-1", "{\"lr\":2e-5}");
            s.metrics().addLoss(List.of(new LossPoint(run.id(), 1, 0, 0.9), new LossPoint(run.id(), 2, 0, 0.7)));
            assertEquals(1, s.metrics().loss(run.id(), 1).size());
            s.metrics().addEpoch(new EpochMetrics(run.id(), 0, 0.8, 0.75, 0.9, 0.85, null));
            assertEquals(0.85, s.metrics().epochs(run.id()).get(0).macroF1());
            s.runs().start("job-2", "{}");
            assertEquals(1, s.runs().finish(run.id(), RunStatus.DONE, "ok", v2.id()).id());
            assertEquals(1, s.runs().markInterrupted());
            assertEquals(RunStatus.INTERRUPTED, s.runs().findByJob("job-2").orElseThrow().status());

            s.metrics().saveClassMetrics(v1.id(), "val", List.of(new ClassMetricRow(v1.id(), "val", "0", 0.9, 0.8, 0.85, 10)));
            assertEquals(10, s.metrics().classMetrics(v1.id(), "val").get(0).support());
            s.metrics().saveConfusion(new ConfusionRecord(v1.id(), "val", List.of("0", "1"), new int[][] {{5, 1}, {2, 7}}));
            assertArrayEquals(new int[] {2, 7}, s.metrics().confusion(v1.id(), "val").orElseThrow().counts()[1]);

            s.importer().importFile(StoreFixture.write(dir, "a.csv", StoreFixture.SHARED_HEADER + "\nq1,x,1,A,g\n"),
                    ImportOptions.defaults());
            long q = s.quotes().page(null, 0, 1).items().get(0).id();
            s.replay().replace(1, List.of(new ReplayEntry(1, q, 0.5)));
            s.replay().replace(1, List.of(new ReplayEntry(1, q, 2.0)));
            assertEquals(2.0, s.replay().list(1).get(0).weight());

            s.settings().putDouble(SettingsRepository.STAGE1_THRESHOLD, 0.35);
            s.settings().putDouble(SettingsRepository.STAGE1_THRESHOLD, 0.4);
            assertEquals(0.4, s.settings().getDouble(SettingsRepository.STAGE1_THRESHOLD, 0.5));
            assertTrue(s.settings().get("missing").isEmpty());
        }
    }
}
