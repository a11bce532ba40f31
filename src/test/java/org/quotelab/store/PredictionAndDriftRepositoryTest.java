package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.domain.drift.BatchDrift;
import org.quotelab.domain.drift.Severity;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.store.StoreFixture.StoreKind;

/** Predictions (replace, page, find, delete) and drift figures round-trip, NULLs and instants included. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class PredictionAndDriftRepositoryTest {
    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    @Test
    void predictionsAndDriftRoundTrip() throws Exception {
        try (QuoteStore s = StoreFixture.open(kind, dir)) {
            StringBuilder csv = new StringBuilder(StoreFixture.SHARED_HEADER + "\n");
            for (int i = 1; i <= 5; i++) {
                csv.append("q").append(i).append(",text ").append(i).append(",1,A,d1\n");
            }
            s.importer().importFile(StoreFixture.write(dir, "a.csv", csv.toString()), ImportOptions.defaults());
            List<Quote> qs = s.quotes().page(null, 0, 10).items();
            ModelVersion v1 = s.models().create(1, null, "m1", "{}", "{}");
            ModelVersion v2 = s.models().create(2, null, "m2", "{}", "{}");
            List<Prediction> ps = new ArrayList<>();
            for (Quote q : qs) {
                ps.add(new Prediction(q.id(), v1.id(), v2.id(), 0.5, Map.of("A", 0.9, "B", 0.1), 1, "A", 0.9));
            }
            s.predictions().saveAll(ps);
            s.predictions().saveAll(List.of(new Prediction(qs.get(0).id(), v1.id(), v2.id(), 0.25, Map.of(), 0, null, 0.75)));
            s.predictions().saveAll(List.of(new Prediction(qs.get(0).id(), v1.id(), null, 0.75, Map.of(), 1, null, 0.75)));
            Page<Prediction> first = s.predictions().page(v1.id(), v2.id(), 0, 3);
            assertEquals(3, first.items().size());
            assertTrue(first.hasMore());
            assertEquals(2, s.predictions().page(v1.id(), v2.id(), first.nextAfterId(), 3).items().size());
            Prediction replaced = s.predictions().find(qs.get(0).id(), v1.id(), v2.id()).orElseThrow();
            assertEquals(0.25, replaced.pInTopic());
            assertNull(replaced.predictedTopic());
            assertEquals(0.9, s.predictions().find(qs.get(1).id(), v1.id(), v2.id()).orElseThrow().topicProbabilities().get("A"));
            assertNull(s.predictions().find(qs.get(0).id(), v1.id(), null).orElseThrow().stage2VersionId());
            assertEquals(5, s.predictions().deleteForVersion(v2.id()));
            assertEquals(1, s.predictions().page(v1.id(), null, 0, 10).items().size());

            long batch = s.batches().list().get(0).id();
            Instant at = Instant.parse("2026-03-01T10:15:30.123456Z");
            BatchDrift d = new BatchDrift(batch, v1.id(), null, List.of(batch), 5, 5, 0.01, 0.5, 0.02, 0.03, 0.1,
                    0.6, 0.8, 0.82, null, 0.04, List.of(qs.get(2).id()), List.of("mmd"), at,
                    Severity.MODERATE, List.of(), List.of("a note"));
            s.drift().saveAll(List.of(d));
            s.drift().saveAll(List.of(d));
            Map<Long, BatchDrift> stored = s.drift().forVersions(v1.id(), null);
            assertEquals(1, stored.size());
            BatchDrift back = stored.get(batch);
            assertNull(back.labelJs());
            assertEquals(0.04, back.labelPsi());
            assertEquals(List.of("mmd"), back.alerts());
            assertEquals(Severity.MODERATE, back.severity());
            assertEquals(List.of("a note"), back.notes());
            assertEquals(at.truncatedTo(ChronoUnit.MICROS), back.computedAt());
            assertEquals(batch, s.drift().latestPerBatch().keySet().iterator().next());
        }
    }
}
