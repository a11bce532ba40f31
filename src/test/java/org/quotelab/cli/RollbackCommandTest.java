package org.quotelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.service.AppHome;
import org.quotelab.store.QuoteStore;

/** quotelab update --rollback failures, against a real store; the success path is in ActivationCommandsTest. */
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
    void rollbackToParentsWhoseWeightsAreMissingChangesNothing() {
        // the folders of twoGenerations() hold no weights: the one activation path loads them first
        long[] ids = twoGenerations();
        String[] r = run("update", "--home", home.toString(), "--rollback");
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("models/s1-1 cannot be used"), r[2]);
        try (QuoteStore s = QuoteStore.open(new AppHome(home).database())) {
            assertEquals(ids[1], s.models().active(1).orElseThrow().id());
            assertEquals(ids[3], s.models().active(2).orElseThrow().id());
        }
    }

    @Test
    void rollbackPastTheFirstVersionFailsWithOneLine() {
        long first;
        try (QuoteStore s = QuoteStore.open(new AppHome(home).database())) {
            ModelVersion only = s.models().create(1, null, "models/s1-1", "{}", "{}");
            s.models().activate(only.id(), "first");
            first = only.id();
        }
        String[] r = run("update", "--home", home.toString(), "--rollback");
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("stage 1 version " + first + " has no parent"), r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
    }
}
