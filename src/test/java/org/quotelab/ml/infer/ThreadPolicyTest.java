package org.quotelab.ml.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadPolicyTest {

    @AfterEach
    void clear() {
        System.clearProperty(ThreadPolicy.MAX_PROPERTY);
    }

    @Test
    void aQuietMachineGetsEveryCore() {
        assertEquals(2, ThreadPolicy.threads(2, 2, 0.1, 1));
        assertEquals(8, ThreadPolicy.threads(8, 8, 0.0, 1));
    }

    @Test
    void aCoreBusyElsewhereIsGivenUp() {
        // A spinner that got two thirds of a core while our two threads ran still counts as one.
        assertEquals(1, ThreadPolicy.threads(2, 2, 0.67, 1));
        assertEquals(1, ThreadPolicy.threads(2, 2, 1.0, 1));
        assertEquals(5, ThreadPolicy.threads(8, 8, 3.2, 1));
    }

    @Test
    void neverFewerThanOneThread() {
        assertEquals(1, ThreadPolicy.threads(2, 2, 12.0, 1));
        assertEquals(1, ThreadPolicy.threads(2, 2, 0.0, 3));
    }

    @Test
    void ourOwnConcurrentJobsShareTheFreeCores() {
        assertEquals(2, ThreadPolicy.threads(4, 4, 0.0, 2));
        assertEquals(1, ThreadPolicy.threads(2, 2, 0.0, 2));
    }

    @Test
    void theDesktopCapHolds() {
        assertEquals(3, ThreadPolicy.threads(4, 3, 0.0, 1));
        System.setProperty(ThreadPolicy.MAX_PROPERTY, "1");
        assertEquals(1, ThreadPolicy.maxThreads(2));
        System.setProperty(ThreadPolicy.MAX_PROPERTY, "16");
        assertEquals(2, ThreadPolicy.maxThreads(2));
        System.clearProperty(ThreadPolicy.MAX_PROPERTY);
        assertEquals(2, ThreadPolicy.maxThreads(2));
    }

    @Test
    void othersAreTheBusyTicksThatAreNotOurs() {
        // 2 cores, 100 ticks of wall time each: 150 busy ticks of which 50 ours -> one core elsewhere.
        assertEquals(1.0, CpuLoad.others(2, 150, 50, 200), 1e-9);
        assertEquals(0.0, CpuLoad.others(2, 50, 60, 200), 1e-9);
    }
}
