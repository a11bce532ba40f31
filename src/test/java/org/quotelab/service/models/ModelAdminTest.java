package org.quotelab.service.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.service.Workbench;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.cascade.CascadePrediction;
import org.quotelab.service.cascade.CascadeModel;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.cascade.OperatingPoints;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.ui.TinyCascade;

/** Listing, promotion, roll-back and export of model versions on a real H2 store with the tiny cascade. */
class ModelAdminTest {

    @Test
    void promotesRollsBackAndExports(@TempDir Path dir) throws Exception {
        try (Workbench wb = TinyCascade.workbench(dir)) {
            CascadeVersions.Active first = TinyCascade.prepare(wb, dir, 8);
            CascadeVersions.Active second = new CascadeVersions(wb.store(), wb.predictions().models()).register(TinyCascade.folder(), true);
            ModelAdmin admin = new ModelAdmin(wb.store(), wb.predictions().models());

            List<VersionInfo> versions = admin.versions();
            assertEquals(List.of(second.stage2().id(), second.stage1().id(), first.stage2().id(), first.stage1().id()),
                    versions.stream().map(v -> v.version().id()).toList());
            VersionInfo newest = versions.get(0);
            assertEquals(second.stage1().id(), newest.partnerId());
            assertTrue(newest.active());
            assertFalse(versions.get(3).active());
            assertTrue(newest.provenance().contains("\"dataset_sha256\""), newest.provenance());
            assertEquals("tiny", newest.base());
            assertTrue(newest.summary().contains("threshold"), newest.summary());

            ActivationPlan promote = admin.promotion(first.stage2().id()); // the partner comes along
            assertEquals("Promote: stage 1: v" + second.stage1().id() + " \u2192 v" + first.stage1().id()
                    + ", stage 2: v" + second.stage2().id() + " \u2192 v" + first.stage2().id(), promote.describe());
            admin.apply(promote);
            assertEquals(first.stage1().id(), wb.store().models().active(1).orElseThrow().id());
            assertEquals(first.stage2().id(), wb.store().models().active(2).orElseThrow().id());
            assertFalse(admin.promotion(first.stage1().id()).possible()); // already active: nothing changes
            assertThrows(IllegalStateException.class, () -> admin.apply(promote)); // shown before the switch

            ActivationPlan back = admin.rollback();
            assertEquals(List.of(second.stage1().id(), second.stage2().id()),
                    back.changes().stream().map(c -> c.to().id()).toList());
            admin.apply(back);
            assertEquals(second.stage1().id(), wb.store().models().active(1).orElseThrow().id());
            assertEquals(second.stage2().id(), wb.store().models().active(2).orElseThrow().id());
            // a second roll-back undoes the first
            assertEquals(first.stage1().id(), admin.rollback().changes().get(0).to().id());

            Path out = dir.resolve("export").resolve("stage2-hf");
            admin.exportHf(second.stage2().id(), out);
            for (String f : List.of("config.json", "model.safetensors", "tokenizer.json")) {
                assertTrue(Files.size(out.resolve(f)) > 0, f);
            }
            assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> admin.exportHf(second.stage2().id(), out));
            // id2label names the topics as the project's schema does; the stored ids stay beside them
            String topic = wb.store().schema().schema().topics().get(0).key();
            wb.schema().rename(topic, "Battery life");
            Path named = dir.resolve("export").resolve("named-hf");
            admin.exportHf(second.stage2().id(), named);
            String config = Files.readString(named.resolve("config.json"));
            assertTrue(config.contains("\"Battery life\"") && config.contains("quotelab_label_ids"), config);
        }
    }

    @Test
    void aPromotedCascadeBringsItsRecommendedOperatingPoint(@TempDir Path dir) throws Exception {
        try (Workbench wb = TinyCascade.workbench(dir)) {
            CascadeVersions.Active first = TinyCascade.prepare(wb, dir, 8);
            wb.predictions().scoreBatch(null, ProgressSink.NONE, new CancellationToken());
            CascadeVersions.Active second = new CascadeVersions(wb.store(), wb.predictions().models()).register(TinyCascade.folder(), true);
            OperatingPoint tuned = new OperatingPoint(0.3, 0.02);
            OperatingPoints.apply(wb.store(), tuned);
            OperatingPoint recommended = CascadeModel.read(first.folder()).operatingPoint();
            ModelAdmin admin = new ModelAdmin(wb.store(), wb.predictions().models());

            ActivationPlan promote = admin.promotion(first.stage1().id());
            assertEquals(tuned, promote.point().from());
            assertEquals(recommended, promote.point().to());
            assertTrue(promote.describe().endsWith("; operating point: " + tuned.describe() + " \u2192 "
                    + recommended.describe() + " (recommended with that cascade)"), promote.describe());
            admin.apply(promote);
            CascadeModel model = CascadeModel.read(first.folder());
            assertEquals(recommended, OperatingPoints.current(wb.store(), model));
            // the promoted pair's stored decisions follow the point that came with it
            var stored = wb.store().predictions().page(first.stage1().id(), first.stage2().id(), 0, 1000).items();
            assertFalse(stored.isEmpty());
            for (var p : stored) {
                assertEquals(recommended.decide(p.pInTopic(), CascadePrediction.stage2(p, model.topics())).finalClass() == 0
                        ? 0 : 1, p.predictedLabel());
            }
            assertEquals(second.stage1().id(), admin.rollback().changes().get(0).to().id());
        }
    }
}
