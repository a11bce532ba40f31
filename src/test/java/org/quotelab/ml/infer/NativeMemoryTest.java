package org.quotelab.ml.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {

    private static final HotSpotDiagnosticMXBean VM = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    private static String maxBefore;
    private static String minBefore;

    @BeforeAll
    static void remember() {
        maxBefore = VM.getVMOption("MaxHeapFreeRatio").getValue();
        minBefore = VM.getVMOption("MinHeapFreeRatio").getValue();
    }

    /** The other tests in this JVM keep the JVM's own sizing. */
    @AfterAll
    static void restore() {
        VM.setVMOption("MaxHeapFreeRatio", String.valueOf(Math.max(Integer.parseInt(maxBefore),
                Integer.parseInt(VM.getVMOption("MinHeapFreeRatio").getValue()))));
        VM.setVMOption("MinHeapFreeRatio", minBefore);
        VM.setVMOption("MaxHeapFreeRatio", maxBefore);
    }

    @Test
    void configureLetsTheHeapShrinkUnlessTheUserChoseOtherwise() {
        NativeMemory.configure();
        NativeMemory.configure(); // a second call changes nothing and does not fail
        VMOption max = VM.getVMOption("MaxHeapFreeRatio");
        VMOption min = VM.getVMOption("MinHeapFreeRatio");
        // a -XX value from the command line is the user's and stays
        if (max.getOrigin() != VMOption.Origin.VM_CREATION) {
            assertEquals(String.valueOf(NativeMemory.MAX_HEAP_FREE_PERCENT), max.getValue());
        }
        if (min.getOrigin() != VMOption.Origin.VM_CREATION) {
            assertEquals(String.valueOf(NativeMemory.MIN_HEAP_FREE_PERCENT), min.getValue());
        }
        assertTrue(Integer.parseInt(min.getValue()) <= Integer.parseInt(max.getValue()));
    }
}
