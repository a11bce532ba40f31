package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.store.StoreFixture.StoreKind;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class TransactionTest {
    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    @Test
    void writesInOneTransactionAreAllStoredOrNone() {
        try (QuoteStore s = StoreFixture.open(kind, dir)) {
            assertThrows(IllegalStateException.class, () -> s.inOneTransaction(() -> {
                long id = s.models().create(1, null, "models/a", "{}", "{}").id();
                s.models().activate(id, "first");
                s.settings().putDouble(SettingsRepository.STAGE1_THRESHOLD, 0.7);
                throw new IllegalStateException("the process fails before the second stage is written");
            }));
            assertTrue(s.models().list(1).isEmpty(), "the first write was rolled back with the rest");
            assertEquals(-1, s.settings().getDouble(SettingsRepository.STAGE1_THRESHOLD, -1));

            long kept = s.inOneTransaction(() -> {
                long id = s.models().create(1, null, "models/b", "{}", "{}").id();
                return s.models().activate(id, "second").id();
            });
            assertEquals(kept, s.models().active(1).orElseThrow().id());
        }
    }
}
