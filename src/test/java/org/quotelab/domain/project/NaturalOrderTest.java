package org.quotelab.domain.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Classes are listed as people count; hotkeys are handed out 1-9, then letters, first free first. */
class NaturalOrderTest {
    @Test
    void numbersByValueTextIgnoringCase() {
        List<String> keys = new ArrayList<>(List.of("10", "2", "topic 10", "Battery", "1", "topic 2", "battery", "007"));
        keys.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("1", "2", "007", "10", "Battery", "battery", "topic 2", "topic 10"), keys);
    }

    @Test
    void schemaOrderFirstThenNaturalAndFreeKeys() {
        LabelSchema s = new LabelSchema(List.of(new TopicDef("10", "camera", "#000000", 1, "a"),
                new TopicDef("2", "screen", "#000000", 2, "1")));
        assertEquals(List.of("10", "2", "3", "11"), s.sorted(List.of("11", "2", "3", "10")));
        assertEquals("camera", s.byHotkey("A").orElseThrow().name());
        assertEquals("topic 3", s.name("3"));
        assertEquals("2", Hotkeys.firstFree(List.of("1", "a")));
        assertEquals(null, Hotkeys.normalise("0"));
    }
}
