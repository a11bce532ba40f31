package org.quotelab.ml.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DevicesTest {

    @Test
    void eachCallGetsTheDeviceItNamesAndNothingRemembersIt() {
        assertEquals(Device.cpu(), Devices.pick(ComputeDevice.CPU));
        // the automatic choice is unchanged by a CPU picked just before on this thread
        assertEquals(Devices.automatic(), Devices.pick(ComputeDevice.AUTO));
    }

    @Test
    void aGpuIsRefusedWhenTheEngineSeesNone() {
        if (!Devices.gpuAvailable()) {
            assertThrows(IllegalStateException.class, () -> Devices.pick(ComputeDevice.GPU));
        }
    }
}
