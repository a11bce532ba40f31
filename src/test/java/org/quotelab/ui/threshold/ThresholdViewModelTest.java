package org.quotelab.ui.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.service.Workbench;
import org.quotelab.ui.TinyCascade;
import org.quotelab.ui.common.DirectJobs;

/** Apply on the real tuning service and tiny cascade, with the jobs held until the test runs them. */
class ThresholdViewModelTest {
    @TempDir
    Path dir;
    private Workbench wb;

    @AfterEach
    void close() {
        wb.close();
    }

    @Test
    void applyRunsOnceAtATime() throws Exception {
        wb = TinyCascade.workbench(dir);
        TinyCascade.prepare(wb, dir, 160);
        DirectJobs jobs = DirectJobs.held();
        int[] applied = {0};
        ThresholdViewModel vm = new ThresholdViewModel(wb, jobs, () -> applied[0]++);
        vm.reload();
        jobs.runPending();
        assertTrue(vm.readyProperty().get(), vm.messageProperty().get());

        vm.apply();
        assertTrue(vm.busyProperty().get(), "busy while the predictions are decided again");
        vm.apply(); // a second click before the first one ended
        assertEquals(1, jobs.titles().stream().filter("Storing the thresholds"::equals).count());

        jobs.runPending();
        assertFalse(vm.busyProperty().get());
        assertEquals(1, applied[0]);
        assertTrue(vm.messageProperty().get().startsWith("Stored "), vm.messageProperty().get());
    }
}
