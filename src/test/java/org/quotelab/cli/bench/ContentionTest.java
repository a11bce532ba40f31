package org.quotelab.cli.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The spinner of --contend runs while the bench times and is gone once it is closed. */
class ContentionTest {

    @Test
    void theSpinnerRunsThenStops() throws Exception {
        List<ProcessHandle> during;
        try (Contention busy = Contention.start(1)) {
            during = ProcessHandle.current().children().toList();
            assertTrue(during.stream().anyMatch(ProcessHandle::isAlive), "no spinner child process");
        }
        for (ProcessHandle p : during) {
            assertFalse(p.isAlive(), "spinner still running after close");
        }
    }
}
