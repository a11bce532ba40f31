package org.quotelab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening the workbench does not load PyTorch (docs/packaging.md: the 430 MB unpack is paid on the
 * first prediction or training); the status bar names the device once a scoring job has loaded it.
 * Runs {@link LazyEngineProbe} in a fresh JVM: this one has loaded the engine in earlier tests.
 */
class EngineLoadsOnFirstUseTest {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EngineLoadsOnFirstUseTest.class);
    private static final Pattern LINE = Pattern.compile(
            "(OPENED|SCORED) libtorch=(\\w+) engineLoaded=(\\w+) scored=(\\d+) device=(.*)");

    @TempDir
    Path dir;

    @Test
    void theWindowOpensWithoutTheEngineAndShowsTheDeviceAfterScoring() throws Exception {
        Path cascade = TinyCascade.folder();
        ChildJvm.run(LazyEngineProbe.class, 240, dir.toString(), cascade.toString(), "prepare");
        String out = ChildJvm.run(LazyEngineProbe.class, 240, dir.toString(), cascade.toString());
        Matcher opened = find(out, "OPENED");
        Matcher scored = find(out, "SCORED");
        LOG.info("{} / {}", opened.group(), scored.group());
        assertTrue(opened.group(3).equals("false") && !opened.group(2).equals("true"),
                "the engine was loaded before any model ran:\n" + out);
        assertTrue(opened.group(5).contains(WorkbenchWindow.NOT_LOADED), out);
        assertTrue(Integer.parseInt(scored.group(4)) > 0, "Review scored its rows:\n" + out);
        assertTrue(scored.group(3).equals("true"), out);
        assertTrue(scored.group(5).startsWith("Device: CPU") || scored.group(5).startsWith("Device: CUDA"),
                "the status bar names the device after scoring:\n" + out);
        // the native library itself: the project's own flag could miss a path that loads the engine
        assumeTrue(!opened.group(2).equals("unknown"), "no /proc/self/maps on this system");
        assertTrue(scored.group(2).equals("true"), "libtorch is mapped after scoring:\n" + out);
    }

    private static Matcher find(String out, String when) {
        Matcher m = LINE.matcher(out);
        while (m.find()) {
            if (m.group(1).equals(when)) {
                return m;
            }
        }
        throw new AssertionError("no " + when + " line in:\n" + out);
    }
}
