package org.quotelab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.sun.jna.Native;
import org.junit.jupiter.api.Test;

/** The setenv must reach the C environment that libgomp reads, and never replace a user's choice. */
class OpenMpEnvironmentTest {

    @Test
    void theWaitPolicyIsInTheCEnvironment() {
        String before = System.getenv(OpenMpEnvironment.WAIT_POLICY);
        String seen = OpenMpEnvironment.preferPassiveWait();
        assertNotNull(seen);
        assertEquals(before == null ? "PASSIVE" : before, seen);
        OpenMpEnvironment.CLibrary c = Native.load("c", OpenMpEnvironment.CLibrary.class);
        assertEquals(seen, c.getenv(OpenMpEnvironment.WAIT_POLICY));
        String spinBefore = System.getenv(OpenMpEnvironment.SPIN_COUNT);
        if (before == null) {
            assertEquals(spinBefore == null ? OpenMpEnvironment.DEFAULT_SPIN_COUNT : spinBefore,
                    c.getenv(OpenMpEnvironment.SPIN_COUNT));
        } else {
            assertEquals(spinBefore, c.getenv(OpenMpEnvironment.SPIN_COUNT), "a user's own wait policy gets no spin count");
        }
    }
}
