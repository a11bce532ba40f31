package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.LabelChange;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.store.StoreFixture.StoreKind;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class LabelRepositoryTest {
    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;
    QuoteStore store;
    long q1;
    long q2;

    @BeforeEach
    void setUp() throws Exception {
        store = StoreFixture.open(kind, dir);
        store.importer().importFile(StoreFixture.write(dir, "a.csv", StoreFixture.SHARED_HEADER
                + "\nq1,Battery died fast,1,BATTERY,d\nq2,No label yet,,,d\n"), ImportOptions.defaults());
        var items = store.quotes().page(null, 0, 10).items();
        q1 = items.get(0).id();
        q2 = items.get(1).id();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void editWritesHistoryAndUndoRestoresThePreviousValue() {
        LabelChange c1 = store.labels().set(q1, QuoteLabel.inTopic("SCREEN"), LabelSource.EXPERT, "ann");
        assertEquals(QuoteLabel.inTopic("BATTERY"), c1.oldLabel());
        assertEquals(LabelSource.IMPORTED, c1.oldSource());
        assertEquals("SCREEN", store.labels().current(q1).orElseThrow().label().topic());

        LabelChange undo = store.labels().undo(c1.id(), "ann").saved();
        assertEquals(c1.id(), undo.undoOf());
        var now = store.labels().current(q1).orElseThrow();
        assertEquals(QuoteLabel.inTopic("BATTERY"), now.label());
        assertEquals(LabelSource.IMPORTED, now.source());

        List<LabelChange> history = store.labels().history(q1);
        assertEquals(2, history.size());
        assertEquals(QuoteLabel.inTopic("SCREEN"), history.get(1).oldLabel());
        assertEquals("ann", history.get(1).changedBy());
    }

    @Test
    void labellingAnUnlabelledQuoteAndUndoingClearsItAgain() {
        store.labels().set(q2, QuoteLabel.outOfTopic(), LabelSource.MODEL_ACCEPTED, "bob");
        assertEquals(0, store.labels().current(q2).orElseThrow().label().label());
        LabelChange undo = store.labels().undoLast(q2, "bob").orElseThrow();
        assertNull(undo.newLabel());
        assertTrue(store.labels().current(q2).isEmpty());
        assertEquals(2, store.labels().history(q2).size());
    }

    @Test
    void newTopicsJoinTheStableLabelSetAtTheEnd() {
        store.labels().set(q2, QuoteLabel.inTopic("DELIVERY"), LabelSource.EXPERT, "ann");
        var topics = store.labels().topics();
        assertEquals(List.of("BATTERY", "DELIVERY"), topics.stream().map(t -> t.topic()).toList());
        assertEquals(List.of(1, 2), topics.stream().map(t -> t.ordinal()).toList());
    }

    @Test
    void aFailedEditLeavesNoHistory() {
        long before = store.labels().countHistory();
        assertThrows(IllegalArgumentException.class,
                () -> store.labels().set(999_999, QuoteLabel.outOfTopic(), LabelSource.EXPERT, "ann"));
        assertEquals(before, store.labels().countHistory());
    }
}
