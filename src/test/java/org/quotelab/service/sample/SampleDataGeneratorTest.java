package org.quotelab.service.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {
    /** Tests run from the project folder, where the committed sample data lives. */
    private static final Path COMMITTED = Path.of("sample-data");

    @TempDir
    Path dir;

    @Test
    void committedSampleDataEqualsAFreshGeneration() throws Exception {
        List<Path> files = new SampleDataGenerator().generate(dir, SampleDataGenerator.DEFAULT_SEED);
        assertEquals(SampleDataGenerator.DAYS, files.size());
        List<Path> all = new java.util.ArrayList<>(files);
        all.add(dir.resolve(SampleDataGenerator.TOPIC_NAMES));
        for (Path f : all) {
            Path committed = COMMITTED.resolve(f.getFileName());
            assertTrue(Files.exists(committed), "missing " + committed + ": run quotelab sample-data");
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(committed),
                    f.getFileName() + " differs from a fresh generation: run quotelab sample-data --out sample-data");
        }
    }

    @Test
    void daysHaveTheAdvertisedShapeAndDrift() {
        SampleDataGenerator gen = new SampleDataGenerator();
        double firstBattery = 0;
        double lastBattery = 0;
        for (int day = 1; day <= SampleDataGenerator.DAYS; day++) {
            List<List<String>> rows = gen.day(day, SampleDataGenerator.DEFAULT_SEED);
            assertTrue(rows.size() >= 200 && rows.size() <= 403, "day " + day + ": " + rows.size());
            double off = rows.stream().filter(r -> r.get(10).equals("0")).count() / (double) rows.size();
            assertTrue(off >= 0.12 && off <= 0.3, "off-topic share " + off);
            double battery = rows.stream().filter(r -> r.get(9).equals("1")).count() / (double) rows.size();
            boolean launched = rows.stream().anyMatch(r -> r.get(3).equals("P-1003"));
            assertEquals(day >= SampleDataGenerator.LAUNCH_DAY, launched, "launch on day " + day);
            boolean slang = rows.stream().anyMatch(r -> r.get(7).startsWith("ngl ") || r.get(7).startsWith("tbh "));
            assertEquals(day >= SampleDataGenerator.DRIFT_DAY, slang, "new phrasing on day " + day);
            if (day == 1) {
                firstBattery = battery;
            }
            lastBattery = battery;
        }
        assertTrue(lastBattery > 2 * firstBattery, firstBattery + " -> " + lastBattery);
    }
}
