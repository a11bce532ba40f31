package org.quotelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.ml.versions.ModelVersions;
import org.quotelab.ml.versions.ModelFolders;
import org.quotelab.service.AppHome;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.store.QuoteStore;
import org.quotelab.ui.TinyCascade;

/** `cascade score --activate` and `update --rollback` go through the one activation path. */
class ActivationCommandsTest {
    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        return QuoteLabCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    @Test
    void scoreActivateRefusesATruncatedCascadeAndRollbackSwitchesBothStages() throws Exception {
        AppHome home = new AppHome(dir.resolve("home"));
        String h = home.root().toString();
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "cascade", "score", "--home", h, "--activate", TinyCascade.folder().toString()), err.toString());
        CascadeVersions.Active first;
        try (QuoteStore store = QuoteStore.open(home.database())) {
            first = new CascadeVersions(store).active().orElseThrow();
        }
        Path corrupt = dir.resolve("corrupt");
        ModelFolders.copyTree(TinyCascade.folder(), corrupt);
        try (RandomAccessFile f = new RandomAccessFile(corrupt.resolve("stage1").resolve(ModelVersions.WEIGHTS).toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        err = new StringWriter();
        assertNotEquals(0, run(err, "cascade", "score", "--home", h, "--activate", corrupt.toString()));
        assertTrue(err.toString().contains("cannot be used"), err.toString());
        // a leftover of a killed save is removed when the CLI opens the data folder
        Files.createDirectories(home.models().resolve(".v9.tmp-1"));
        assertEquals(0, run(err, "cascade", "score", "--home", h, "--activate", TinyCascade.folder().toString()));
        assertTrue(Files.notExists(home.models().resolve(".v9.tmp-1")));
        try (QuoteStore store = QuoteStore.open(home.database())) {
            assertEquals(2, store.models().list(1).size()); // the corrupt one was never registered
            assertNotEquals(first.stage1().id(), store.models().active(1).orElseThrow().id());
        }

        err = new StringWriter();
        assertEquals(0, run(err, "update", "--home", h, "--rollback"), err.toString());
        try (QuoteStore store = QuoteStore.open(home.database())) {
            assertEquals(first.stage1().id(), store.models().active(1).orElseThrow().id());
            assertEquals(first.stage2().id(), store.models().active(2).orElseThrow().id());
        }
    }
}
