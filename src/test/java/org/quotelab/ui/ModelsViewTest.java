package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.service.Workbench;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.models.VersionInfo;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Promote an older cascade, roll back, export: store, status bar and files change. Real store, tiny cascade. */
@ExtendWith(ApplicationExtension.class)
class ModelsViewTest {
    @TempDir
    Path dir;
    private Workbench wb;
    private WorkbenchWindow window;
    private CascadeVersions.Active first;
    private CascadeVersions.Active second;

    @Start
    void start(Stage stage) throws Exception {
        wb = TinyCascade.workbench(dir);
        first = TinyCascade.prepare(wb, dir, 8);
        second = new CascadeVersions(wb.store(), wb.predictions().models()).register(TinyCascade.folder(), true);
        window = UiFixture.show(stage, wb, WorkbenchWindow.MODELS);
    }

    @AfterEach
    void close() throws Exception {
        UiFixture.closeAll(wb);
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return UiFixture.fx(robot.lookup(id).queryAs(Label.class)::getText);
    }

    private String status(FxRobot robot) throws Exception {
        String t = text(robot, "#status-versions");
        // "Serving: fine-tuned model   Stage 1: v3   Stage 2: v4": the versions part
        return t.contains("Stage 1") ? t.substring(t.indexOf("Stage 1")) : t;
    }

    @Test
    void promoteSwitchesTheActiveCascadeAndRollBackRestoresIt(FxRobot robot) throws Exception {
        var vm = window.models();
        UiFixture.until(20, () -> vm.versions().size() == 4);
        String before = "Stage 1: v" + second.stage1().id() + "   Stage 2: v" + second.stage2().id();
        UiFixture.until(10, () -> before.equals(status(robot)));
        TableView<?> table = robot.lookup("#models-table").queryAs(TableView.class);
        List<Long> ids = UiFixture.fx(() -> vm.versions().stream().map(v -> v.version().id()).toList());
        int older = ids.indexOf(first.stage1().id());
        UiFixture.fx(() -> {
            table.getSelectionModel().select(older);
            return null;
        });
        UiFixture.until(10, () -> UiFixture.fx(() -> robot.lookup("#models-provenance").queryAs(TableView.class)
                .getItems().size()) > 5);
        List<String> keys = UiFixture.fx(() -> ((TableView<?>) robot.lookup("#models-provenance").queryAs(TableView.class))
                .getItems().stream().map(f -> ((VersionInfo.Fact) f).key()).toList());
        assertTrue(keys.contains("dataset_sha256"), keys.toString());
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("hyper_parameters.")), "nested maps flattened: " + keys);
        String plan = "Promote: stage 1: v" + second.stage1().id() + " \u2192 v" + first.stage1().id()
                + ", stage 2: v" + second.stage2().id() + " \u2192 v" + first.stage2().id();
        UiFixture.until(10, () -> plan.equals(text(robot, "#models-promote-preview")));

        robot.clickOn("#models-promote");
        String after = "Stage 1: v" + first.stage1().id() + "   Stage 2: v" + first.stage2().id();
        UiFixture.until(20, () -> after.equals(status(robot)));
        assertEquals(first.stage1().id(), wb.store().models().active(1).orElseThrow().id());
        assertEquals(first.stage2().id(), wb.store().models().active(2).orElseThrow().id());
        UiFixture.until(10, () -> vm.versions().stream().filter(VersionInfo::active).map(v -> v.version().id())
                .toList().equals(List.of(first.stage2().id(), first.stage1().id())));
        UiFixture.until(10, () -> text(robot, "#models-rollback-preview").equals("Roll back: stage 1: v"
                + first.stage1().id() + " \u2192 v" + second.stage1().id() + ", stage 2: v" + first.stage2().id()
                + " \u2192 v" + second.stage2().id()));

        robot.clickOn("#models-rollback");
        UiFixture.until(20, () -> before.equals(status(robot)));
        assertEquals(second.stage1().id(), wb.store().models().active(1).orElseThrow().id());
        assertEquals(second.stage2().id(), wb.store().models().active(2).orElseThrow().id());
    }

    @Test
    void exportsTheSelectedVersionAsAHuggingFaceFolder(FxRobot robot) throws Exception {
        var vm = window.models();
        UiFixture.until(20, () -> vm.versions().size() == 4);
        UiFixture.fx(() -> {
            robot.lookup("#models-table").queryAs(TableView.class).getSelectionModel().select(0);
            vm.export(dir.resolve("exports"));
            return null;
        });
        UiFixture.until(20, () -> vm.messageProperty().get().startsWith("Exported"));
        assertTrue(!UiFixture.fx(() -> vm.messageIsProblemProperty().get()), "a success is not shown as a problem");
        Path out = dir.resolve("exports").resolve("quotelab-v" + second.stage2().id() + "-stage2");
        for (String f : List.of("config.json", "model.safetensors", "tokenizer.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        UiFixture.fx(() -> {
            vm.export(dir.resolve("exports"));
            return null;
        });
        UiFixture.until(20, () -> vm.messageProperty().get().endsWith("already exists"));
    }
}
