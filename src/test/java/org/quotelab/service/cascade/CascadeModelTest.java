package org.quotelab.service.cascade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.cascade.CascadeDecision;
import org.quotelab.domain.cascade.OperatingPoint;

class CascadeModelTest {

    @TempDir
    Path dir;

    @Test
    void aCascadeWrittenBeforeTheClass0ThresholdKeepsTheArgmaxRule() throws Exception {
        Files.writeString(dir.resolve(CascadeModel.FILE), """
                {"topics": ["A", "B"], "stage1": "stage1", "stage2": "stage2", "stage1Temperature": 1.1,
                 "stage2Temperature": 0.9, "threshold": 0.6, "construction": "CROSS_FIT", "facts": {}}
                """);
        CascadeModel m = CascadeModel.read(dir);
        assertEquals(OperatingPoint.argmax(0.6), m.operatingPoint());
        assertEquals(CascadeDecision.ARGMAX_ONLY, m.class0Threshold());
    }

    @Test
    void theRecommendedOperatingPointSurvivesARoundTrip() throws Exception {
        CascadeModel m = new CascadeModel(List.of("A"), "stage1", "stage2", 1.0, 1.0, 0.5, null, "SEED", Map.of())
                .withOperatingPoint(new OperatingPoint(0.525, 0.1));
        m.write(dir);
        assertEquals(new OperatingPoint(0.525, 0.1), CascadeModel.read(dir).operatingPoint());
    }
}
