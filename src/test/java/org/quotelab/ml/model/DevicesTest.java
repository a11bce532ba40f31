package org.quotelab.ml.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DevicesTest {

    @Test
    void aChoiceNamesTheDeviceAndNothingRemembersIt() {
        assertEquals(Device.cpu(), Devices.pick("cpu"));
        // the automatic choice is the same whether or not a CPU was picked before, on any thread
        assertEquals(Devices.automatic(), Devices.pick("auto"));
        assertEquals(Devices.automatic(), Devices.pick(null));
    }

    @Test
    void aGpuIsRefusedWhenTheEngineSeesNoneAndAnUnknownChoiceAlways() {
        if (!Devices.gpuAvailable()) {
            assertThrows(IllegalStateException.class, () -> Devices.pick("gpu"));
        }
        assertThrows(IllegalArgumentException.class, () -> Devices.pick("tpu"));
    }
}
