package org.quotelab.service.continual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The policy's conditions, its time of day and its words. */
class UpdatePolicyTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void anyConditionIsEnough() {
        UpdatePolicy p = new UpdatePolicy(3, 500, true);
        assertNull(p.decide(2, 499, false));
        assertEquals("3 new batches", p.decide(3, 0, false));
        assertEquals("500 new labels", p.decide(1, 500, false));
        assertEquals("drift", p.decide(1, 0, true));
        assertNull(new UpdatePolicy(0, 0, false).decide(10, 10_000, true), "no condition: never");
    }

    @Test
    void aTimeOfDayAloneUpdatesOnWhateverArrivedOnceADay() {
        UpdatePolicy p = new UpdatePolicy(0, 0, false, LocalTime.of(2, 0), false);
        assertEquals("1 new batch, daily at 02:00", p.decide(1, 0, false));
        assertNull(p.decide(0, 0, false));
        Instant before = Instant.parse("2026-12-03T01:59:00Z");
        Instant after = Instant.parse("2026-12-03T02:00:30Z");
        assertFalse(p.timeAllows(before, null, UTC));
        assertTrue(p.timeAllows(after, null, UTC));
        assertTrue(p.timeAllows(after, Instant.parse("2026-12-02T02:01:00Z"), UTC), "yesterday's update");
        assertFalse(p.timeAllows(after, Instant.parse("2026-12-03T02:00:10Z"), UTC), "already ran today");
        assertTrue(p.timeAllows(Instant.parse("2026-12-03T09:00:00Z"), Instant.parse("2026-12-02T02:00:00Z"), UTC),
                "a machine that was off at 02:00 catches up the same day");
        assertEquals(Instant.parse("2026-12-03T02:00:00Z"), p.nextTime(before, null, UTC));
        assertEquals(Instant.parse("2026-12-04T02:00:00Z"), p.nextTime(after, Instant.parse("2026-12-03T02:00:10Z"), UTC));
        assertEquals("update every day at 02:00", p.describe());
    }

    @Test
    void wordsAndBadValues() {
        assertEquals("update after 3 new batches, or 500 new labels, or a drift alert", UpdatePolicy.defaults().describe());
        assertEquals("update after 1 new batch, at 23:30",
                new UpdatePolicy(1, 0, false, LocalTime.of(23, 30), false).describe());
        assertEquals("never update (only propose)", new UpdatePolicy(1, 0, false, null, true).describe());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UpdatePolicy.parseTime("2am")).getMessage()
                .contains("HH:MM"));
        assertThrows(IllegalArgumentException.class, () -> new UpdatePolicy(-1, 0, false));
    }
}
