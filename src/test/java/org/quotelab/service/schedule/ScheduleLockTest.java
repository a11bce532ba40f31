package org.quotelab.service.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.AppHome;
import org.quotelab.service.Workbench;
import org.quotelab.service.jobs.JobRunner;
import org.quotelab.service.continual.UpdatePolicy;

/** One scheduler per data folder, settings kept in the store, a clean stop; the app's workbench resumes it. */
class ScheduleLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondSchedulerOnTheSameDataFolderIsRefused() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        AppHome home = new AppHome(dir.resolve("home"));
        ScheduleSettings s = ScheduleSettings.defaults().withFolder(inbox).withPollSeconds(1).withEnabled(true)
                .withPolicy(new UpdatePolicy(2, 0, true, UpdatePolicy.parseTime("02:00"), false));
        try (Workbench wb = Workbench.open(home, new JobRunner(1))) {
            assertFalse(wb.schedule().running(), "nothing saved yet");
            wb.schedule().save(s);
            assertTrue(wb.schedule().running());
            assertEquals(s, wb.schedule().settings());
            Schedule other = ScheduleFixture.schedule(wb.store(), wb.predictions(), home.models(), null);
            ScheduleBusyException busy = assertThrows(ScheduleBusyException.class, () -> other.start(s));
            assertTrue(busy.getMessage().startsWith("a schedule is already running for the data folder"), busy.getMessage());
            assertThrows(ScheduleBusyException.class, () -> other.runOnce(s, 0, new CancellationToken()));
            Schedule.Status status = wb.schedule().status();
            assertTrue(status.running());
            assertEquals("update after 2 new batches, or a drift alert, at 02:00", status.policy());
            assertNotNull(status.nextUpdateTime());
        }
        // the settings stay with the data folder: the next start resumes the schedule, and stops it on close
        try (Workbench wb = Workbench.open(home, new JobRunner(1))) {
            assertTrue(wb.schedule().running());
            wb.schedule().save(wb.schedule().settings().withEnabled(false));
            assertFalse(wb.schedule().running());
            ScheduleFixture.schedule(wb.store(), wb.predictions(), home.models(), null)
                    .runOnce(s, 0, new CancellationToken()); // the lock was released
        }
    }
}
