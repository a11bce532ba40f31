package org.quotelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.quote.ModelVersion;
import org.quotelab.service.AppHome;
import org.quotelab.store.QuoteStore;

/** quotelab update --rollback, now through ModelAdmin: same output, same failures, against a real store. */
class RollbackCommandTest {
    @TempDir
    Path home;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QuoteLabCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    /** Two generations per stage, the second active; returns {stage-1 parent, child, stage-2 parent, child}. */
    private long[] twoGenerations() {
        try (QuoteStore s = QuoteStore.open(new AppHome(home).database())) {
            long[] ids = new long[4];
            for (int stage = 1; stage <= 2; stage++) {
                ModelVersion parent = s.models().create(stage, null, "models/s" + stage + "-1", "{}", "{}");
                s.models().activate(parent.id(), "first");
                ModelVersion child = s.models().create(stage, parent.id(), "models/s" + stage + "-2", "{}", "{}");
                s.models().activate(child.id(), "second");
                ids[2 * (stage - 1)] = parent.id();
                ids[2 * (stage - 1) + 1] = child.id();
            }
            return ids;
        }
    }

    @Test
    void rollbackActivatesEachStageParent() {
        long[] ids = twoGenerations();
        String[] r = run("update", "--home", home.toString(), "--rollback");
        assertEquals("0", r[0], r[2]);
        assertEquals(String.format("stage 1: version %d active again (was %d)%nstage 2: version %d active again (was %d)%n",
                ids[0], ids[1], ids[2], ids[3]), r[1]);
        try (QuoteStore s = QuoteStore.open(new AppHome(home).database())) {
            assertEquals(ids[0], s.models().active(1).orElseThrow().id());
            assertEquals(ids[2], s.models().active(2).orElseThrow().id());
        }
    }

    @Test
    void rollbackPastTheFirstVersionFailsWithOneLine() {
        long[] ids = twoGenerations();
        run("update", "--home", home.toString(), "--rollback");
        String[] r = run("update", "--home", home.toString(), "--rollback");
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("stage 1 version " + ids[0] + " has no parent"), r[2]);
    }
}
