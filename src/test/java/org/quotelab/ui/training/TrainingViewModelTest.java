package org.quotelab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.model.RunStatus;
import org.quotelab.service.Workbench;
import org.quotelab.service.cascade.Construction;
import org.quotelab.service.training.TrainingDays;
import org.quotelab.service.training.TrainingOutcome;
import org.quotelab.ui.TinyCascade;
import org.quotelab.ui.common.DirectJobs;

/**
 * The Training view-model on a real store and the tiny BERT, without the FX thread: jobs and their
 * training events run on the test's thread through {@link DirectJobs}.
 */
class TrainingViewModelTest {
    @TempDir
    Path dir;
    private Workbench wb;

    @AfterEach
    void close() {
        wb.close();
    }

    @Test
    void theFirstModelDrawsItsLossFillsTheEpochTableAndIsActivated() throws Exception {
        wb = TinyCascade.workbench(dir);
        TrainingDays.importDay(wb.store(), dir, "day-01", 80, 11);
        DirectJobs jobs = DirectJobs.held();
        int[] afterJob = {0};
        TrainingViewModel vm = new TrainingViewModel(wb, jobs, () -> afterJob[0]++);
        vm.reload();
        jobs.runPending();
        assertTrue(vm.offerFirstModelProperty().get(), "labels and no cascade: the banner offers the first model");

        TrainingForm f = vm.form();
        f.baseModel().set("tiny");
        f.stage1Epochs().set("1");
        f.stage2Epochs().set("1");
        // the default stage 1 mean-pools a random tiny BERT: one epoch needs a large step to pass any quote
        f.stage1LearningRate().set("2e-2");
        f.stage2LearningRate().set("1e-3");
        f.batchSize().set("8");
        f.construction().set(Construction.SEED);
        vm.trainFirstModel();
        assertTrue(vm.runningProperty().get());
        vm.trainFirstModel(); // a second click while the first job waits starts nothing
        assertEquals(1, jobs.titles().stream().filter("Training the first model"::equals).count());
        assertTrue(vm.messageProperty().get().startsWith("A training job is running"), vm.messageProperty().get());

        jobs.runPending();
        TrainingOutcome o = vm.outcomeProperty().get();
        assertNotNull(o, vm.messageProperty().get());
        assertFalse(vm.runningProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
        assertTrue(vm.loss().size() >= 2, "every optimiser step reached the loss curve");
        assertEquals(2, vm.epochs().size(), "one epoch row per stage: " + vm.epochs());
        assertEquals(TrainingViewModel.LAST_EPOCH, vm.epochs().get(0).kept(),
                "the default stage 1 holds nothing out and keeps its last epoch: " + vm.epochs());
        assertEquals(o.stage1Version(), wb.store().models().active(1).orElseThrow().id());
        assertEquals(RunStatus.DONE, wb.store().runs().find(o.runId()).orElseThrow().status());
        assertTrue(vm.noticeProperty().get().startsWith("Training finished"), vm.noticeProperty().get());
        assertEquals(1, afterJob[0]);
        assertFalse(vm.offerFirstModelProperty().get(), "a cascade exists now");
    }

    @Test
    void aFormErrorIsShownAndStartsNothing() {
        wb = TinyCascade.workbench(dir);
        DirectJobs jobs = DirectJobs.held();
        TrainingViewModel vm = new TrainingViewModel(wb, jobs, () -> { });
        vm.form().batchSize().set("many");
        vm.start();
        assertFalse(vm.runningProperty().get());
        assertTrue(jobs.titles().isEmpty());
        assertFalse(vm.messageProperty().get().isEmpty());
    }
}
