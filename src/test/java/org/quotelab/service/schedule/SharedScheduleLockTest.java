package org.quotelab.service.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.quotelab.store.EmbeddedPostgres;

/**
 * Two machines of a team open the app on one PostgreSQL store, each with its own data folder:
 * the app opens, and the store's schedule runs on one of them only, until that one stops.
 */
class SharedScheduleLockTest {
    @TempDir
    Path dir;

    private AppHome machine(String name, String url) throws Exception {
        Path root = Files.createDirectories(dir.resolve(name));
        Files.writeString(root.resolve("db.properties"), "url=" + url + "\nuser=" + EmbeddedPostgres.user() + "\n");
        return new AppHome(root);
    }

    @Test
    void theStoresScheduleRunsOnOneMachineAtATime() throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        ScheduleSettings s = ScheduleSettings.defaults().withFolder(inbox).withPollSeconds(1).withEnabled(true);
        try (Workbench a = Workbench.open(machine("a", url), new JobRunner(1));
                Workbench b = Workbench.open(machine("b", url), new JobRunner(1))) {
            a.schedule().save(s);
            assertTrue(a.schedule().running());
            // b reads the same enabled settings; its own start is refused while a runs the schedule
            ScheduleBusyException busy = assertThrows(ScheduleBusyException.class, () -> b.schedule().start(s));
            assertTrue(busy.getMessage().contains("schedule by"), busy.getMessage());
            assertThrows(ScheduleBusyException.class, () -> b.schedule().runOnce(s, 0, new CancellationToken()));
            a.schedule().stop();
            assertFalse(a.schedule().running());
            b.schedule().runOnce(s, 0, new CancellationToken()); // released with a's stop
        }
    }
}
