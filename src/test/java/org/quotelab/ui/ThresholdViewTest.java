package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.service.Workbench;
import java.util.List;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.cascade.SweepPoint;
import org.quotelab.domain.cascade.CascadePrediction;
import org.quotelab.service.cascade.CascadeModel;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.cascade.ThresholdTuning;
import org.quotelab.ui.threshold.ThresholdViewModel;
import org.quotelab.store.SettingsRepository;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Moving the stage-1 threshold changes the live figures; Apply stores it. Real H2 store and tiny cascade. */
@ExtendWith(ApplicationExtension.class)
class ThresholdViewTest {
    @TempDir
    Path dir;
    private Workbench wb;
    private WorkbenchWindow window;
    private CascadeVersions.Active active;

    @Start
    void start(Stage stage) throws Exception {
        wb = TinyCascade.workbench(dir);
        active = TinyCascade.prepare(wb, dir, 160);
        window = UiFixture.show(stage, wb, WorkbenchWindow.THRESHOLD);
    }

    @AfterEach
    void close() throws Exception {
        UiFixture.closeAll(wb);
    }

    private static String text(FxRobot robot, String id) throws Exception {
        Label l = UiFixture.find(robot, id, Label.class);
        return UiFixture.fx(l::getText);
    }

    @Test
    void slidingChangesTheFiguresAndApplyStoresTheThreshold(FxRobot robot) throws Exception {
        UiFixture.until(90, () -> window.threshold().readyProperty().get());
        // the missing validation predictions were scored with the active cascade and stored
        long validation = wb.store().quotes().count(QuoteFilter.all().withValidation(true).withLabelled(true));
        assertTrue(validation > 0);
        assertEquals(validation, wb.store().predictions().page(active.stage1().id(), active.stage2().id(), 0, 1000)
                .items().size());

        Slider slider = UiFixture.find(robot, "#threshold-slider", Slider.class);
        // stage 2's argmax rule: the recommended class-0 threshold of a 1-epoch model may call everything class 0
        Slider class0 = UiFixture.find(robot, "#class0-slider", Slider.class);
        UiFixture.fx(() -> {
            class0.setValue(100);
            return null;
        });
        UiFixture.fx(() -> {
            slider.setValue(0);
            return null;
        });
        String recallAll = text(robot, "#class0-recall");
        String f1All = text(robot, "#macro-f1");
        assertEquals("0.000", text(robot, "#threshold-value"));
        UiFixture.fx(() -> {
            slider.setValue(1000);
            return null;
        });
        assertEquals("1.000", text(robot, "#threshold-value"));
        assertNotEquals(f1All, text(robot, "#macro-f1"));
        assertEquals("100.0 %", text(robot, "#out-of-topic-recall")); // stage 1 rejects everything
        // class-0 recall moves wherever the sweep says it does (a 1-epoch stage 2 may never say class 0)
        var sweep = window.threshold().loadedProperty().get().sweeps().get(0);
        int moved = -1;
        for (int i = 0; i < sweep.size(); i++) {
            if (sweep.get(i).class0Recall() != sweep.get(0).class0Recall()) {
                moved = i;
                break;
            }
        }
        if (moved >= 0) {
            int to = moved;
            UiFixture.fx(() -> {
                slider.setValue(to);
                return null;
            });
            assertNotEquals(recallAll, text(robot, "#class0-recall"));
        }

        UiFixture.fx(() -> {
            slider.setValue(420);
            return null;
        });
        // looked up on the FX thread: a lookup from here races with the charts' own scene changes
        robot.clickOn(UiFixture.fx(() -> window.scene().lookup("#threshold-apply")));
        UiFixture.until(10, () -> Math.abs(wb.store().settings().getDouble(SettingsRepository.STAGE1_THRESHOLD, -1)
                - 0.42) < 1e-9);

        robot.clickOn(UiFixture.fx(() -> window.scene().lookup("#recommend-best")));
        UiFixture.until(5, () -> window.threshold().messageProperty().get().startsWith("Recommended"));
    }

    @Test
    void class0SliderMovesTheFiguresAndApplyRedecidesStoredPredictions(FxRobot robot) throws Exception {
        UiFixture.until(90, () -> window.threshold().readyProperty().get());
        Slider stage1 = UiFixture.find(robot, "#threshold-slider", Slider.class);
        Slider class0 = UiFixture.find(robot, "#class0-slider", Slider.class);
        UiFixture.fx(() -> {
            stage1.setValue(0); // everything passes: class 0 alone separates out-of-topic quotes
            class0.setValue(100);
            return null;
        });
        assertEquals("1.00 (top class only)", text(robot, "#class0-threshold-value"));
        ThresholdTuning.Loaded l = window.threshold().loadedProperty().get();
        UiFixture.fx(() -> {
            class0.setValue(1);
            return null;
        });
        assertEquals("0.01", text(robot, "#class0-threshold-value"));
        SweepPoint low = l.point(l.class0IndexOf(0.01), 0);
        assertEquals(0.01, low.class0Threshold(), 1e-12);
        assertEquals(ThresholdViewModel.pct(low.class0Recall()), text(robot, "#class0-recall"));
        assertEquals(ThresholdViewModel.pct(low.outOfTopicRecall()), text(robot, "#out-of-topic-recall"));

        // the class-0 recommendation keeps the stage-1 threshold and moves the class-0 one only
        UiFixture.fx(() -> {
            stage1.setValue(300);
            return null;
        });
        robot.clickOn(UiFixture.fx(() -> window.scene().lookup("#recommend-class0")));
        UiFixture.until(5, () -> window.threshold().messageProperty().get().startsWith("Recommended")
                || window.threshold().messageProperty().get().startsWith("No class-0"));
        assertEquals("0.300", text(robot, "#threshold-value"));
        UiFixture.fx(() -> {
            stage1.setValue(0);
            class0.setValue(1);
            return null;
        });

        robot.clickOn(UiFixture.fx(() -> window.scene().lookup("#threshold-apply")));
        UiFixture.until(10, () -> Math.abs(wb.store().settings().getDouble(SettingsRepository.CLASS0_THRESHOLD, -1)
                - 0.01) < 1e-9);
        // every stored prediction of the active cascade was decided again at the new point
        OperatingPoint at = new OperatingPoint(0.0, 0.01);
        List<String> topics = CascadeModel.read(active.folder()).topics();
        var stored = wb.store().predictions().page(active.stage1().id(), active.stage2().id(), 0, 1000).items();
        assertTrue(stored.size() > 0);
        for (var p : stored) {
            assertEquals(at.decide(p.pInTopic(), CascadePrediction.stage2(p, topics)).finalClass() == 0 ? 0 : 1,
                    p.predictedLabel());
        }
    }
}
