package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.service.Workbench;
import org.quotelab.ui.stall.StallResult;
import org.quotelab.ui.stall.StallWorkload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The functional half of the responsiveness goal, which holds on any machine: while the Data view
 * imports a file and a model trains, every row is stored, the FX thread keeps producing frames and
 * the training makes progress. How long the longest gap between frames is depends on the machine's
 * load, so that figure is measured by {@code bench ui-stall} (same workload), not judged here.
 */
@ExtendWith(ApplicationExtension.class)
class StallWorkloadTest {
    private static final Logger LOG = LoggerFactory.getLogger(StallWorkloadTest.class);
    /** Enough for several seconds of import beside the training; the bench imports 200,000. */
    private static final int ROWS = 20_000;
    /** The warm-up only has to compile both paths; its timing is not looked at. */
    private static final int WARM_UP_ROWS = 5_000;
    /** 60 when the FX thread never waits; a frozen thread gives next to none. */
    private static final double MIN_FPS = 10;

    @TempDir
    Path dir;
    private Workbench wb;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) {
        wb = UiFixture.workbench(dir);
        window = UiFixture.show(stage, wb, WorkbenchWindow.DATA);
    }

    @AfterEach
    void close() throws Exception {
        UiFixture.closeAll(wb);
    }

    @Test
    void everyRowIsStoredAndFramesKeepComingWhileAModelTrains() throws Exception {
        StallResult r = StallWorkload.run(wb, window, dir, ROWS, WARM_UP_ROWS);
        LOG.info("stall workload (not judged here): {}", r);
        assertEquals(r.expectedStored(), r.stored(), "every row stored");
        assertTrue(r.framesPerSecond() >= MIN_FPS, "the FX thread kept rendering: " + r);
        assertTrue(r.trainingSteps() > 0, "the training job ran during the import: " + r);
    }
}
