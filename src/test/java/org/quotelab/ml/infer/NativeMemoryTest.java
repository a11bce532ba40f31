package org.quotelab.ml.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {

    private static final HotSpotDiagnosticMXBean VM = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

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
