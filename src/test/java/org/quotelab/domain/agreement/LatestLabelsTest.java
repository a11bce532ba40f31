package org.quotelab.domain.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quotelab.domain.quote.LabelChange;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.QuoteLabel;

class LatestLabelsTest {
    private final List<LabelChange> history = new ArrayList<>();

    private static final QuoteLabel OUT = QuoteLabel.outOfTopic();
    private static final QuoteLabel BATTERY = QuoteLabel.inTopic("BATTERY");
    private static final QuoteLabel SCREEN = QuoteLabel.inTopic("SCREEN");

    /** Appends a change as the store would: its old value is the label before it. */
    private long change(String who, QuoteLabel label, Long undoOf) {
        QuoteLabel before = history.isEmpty() ? null : history.get(history.size() - 1).newLabel();
        long id = history.size() + 1;
        history.add(new LabelChange(id, 7, before, before == null ? null : LabelSource.EXPERT, label,
                label == null ? null : LabelSource.EXPERT, Instant.EPOCH, who, undoOf, null, null));
        return id;
    }

    private long undo(String who, long changeId) {
        return change(who, history.get((int) changeId - 1).oldLabel(), changeId);
    }

    @Test
    void eachAnnotatorKeepsTheirOwnLatestLabel() {
        change("ann", OUT, null);
        change("bob", BATTERY, null);
        change("ann", SCREEN, null);
        assertEquals(Map.of("ann", SCREEN, "bob", BATTERY), LatestLabels.of(history));
    }

    @Test
    void anUndoTakesBackTheChangeItRevertsAndIsNobodysLabel() {
        change("ann", OUT, null);
        long bob = change("bob", BATTERY, null);
        undo("bob", bob); // the label is OUT again, but bob did not say OUT
        assertEquals(Map.of("ann", OUT), LatestLabels.of(history));
    }

    @Test
    void undoingYourLatestChangeBringsBackYourPreviousLabel() {
        change("ann", OUT, null);
        long second = change("ann", SCREEN, null);
        undo("ann", second);
        assertEquals(Map.of("ann", OUT), LatestLabels.of(history));
    }

    @Test
    void anUndoneUndoPutsTheChangeBack() {
        change("ann", OUT, null);
        long bob = change("bob", BATTERY, null);
        long u = undo("bob", bob);
        undo("ann", u);
        assertEquals(Map.of("ann", OUT, "bob", BATTERY), LatestLabels.of(history));
    }

    @Test
    void clearingTheLabelLeavesThatAnnotatorWithoutOne() {
        change("ann", OUT, null);
        change("bob", BATTERY, null);
        change("bob", null, null);
        assertEquals(Map.of("ann", OUT), LatestLabels.of(history));
    }

    @Test
    void theOrderOfTheRowsGivenDoesNotMatter() {
        change("ann", OUT, null);
        long bob = change("bob", BATTERY, null);
        undo("ann", bob);
        List<LabelChange> reversed = new ArrayList<>(history);
        java.util.Collections.reverse(reversed);
        assertEquals(LatestLabels.of(history), LatestLabels.of(reversed));
    }
}
