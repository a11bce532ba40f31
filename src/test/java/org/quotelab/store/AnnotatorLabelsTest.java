package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.domain.agreement.Rating;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.LabelChange;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.store.StoreFixture.StoreKind;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class AnnotatorLabelsTest {
    private static final QuoteLabel OUT = QuoteLabel.outOfTopic();
    private static final QuoteLabel BATTERY = QuoteLabel.inTopic("BATTERY");
    private static final QuoteLabel SCREEN = QuoteLabel.inTopic("SCREEN");

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;
    QuoteStore store;
    long[] day1;
    long[] day2;
    long batch1;
    long batch2;

    @BeforeEach
    void setUp() throws Exception {
        store = StoreFixture.open(kind, dir);
        batch1 = store.importer().importFile(StoreFixture.write(dir, "a.csv", StoreFixture.SHARED_HEADER
                + "\na1,Battery died fast,1,BATTERY,d1\na2,Screen cracked,,,d1\na3,Nice box,,,d1\n"),
                ImportOptions.defaults()).batches().get(0).id();
        batch2 = store.importer().importFile(StoreFixture.write(dir, "b.csv", StoreFixture.SHARED_HEADER
                + "\nb1,Charger broke,,,d2\nb2,Fine,,,d2\n"), ImportOptions.defaults()).batches().get(0).id();
        day1 = ids(batch1);
        day2 = ids(batch2);
    }

    private long[] ids(long batch) {
        return store.quotes().review(QuoteFilter.all().withBatch(batch), 0, 10).items().stream()
                .mapToLong(r -> r.quote().id()).toArray();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private LabelChange set(long quote, QuoteLabel label, String who) {
        return store.labels().set(quote, label, LabelSource.EXPERT, who);
    }

    private List<String> latest(Long batch) {
        return store.annotatorLabels().latest(batch).stream()
                .sorted(Comparator.comparingLong(Rating::quoteId).thenComparing(Rating::annotator))
                .map(r -> (r.quoteId() - day1[0]) + ":" + r.annotator() + "=" + r.value() + "@" + (r.batchId() == batch1 ? 1 : 2))
                .toList();
    }

    @Test
    void eachAnnotatorsLatestLabelWithUndoneChangesTakenBackAndImportsLeftOut() {
        // a1 has an imported label: no history, no annotator
        set(day1[1], OUT, "ann");
        set(day1[1], SCREEN, "ann");
        LabelChange bob = set(day1[1], BATTERY, "bob");
        store.labels().undo(bob.id(), "bob"); // bob takes his label back: the quote shows SCREEN again, not bob's
        set(day1[2], OUT, "bob");
        LabelChange ann = set(day1[2], BATTERY, "ann");
        store.labels().undoLast(day1[2], "bob"); // bob reverts ann's change: ann has no label of her own left
        set(day2[0], BATTERY, "ann");
        set(day2[0], SCREEN, "bob");
        set(day2[1], OUT, "cid");
        set(day2[1], OUT, "bob");
        set(day2[1], null, "bob"); // bob clears his label
        assertEquals(ann.quoteId(), day1[2]);

        assertEquals(List.of("1:ann=SCREEN@1", "2:bob=0@1", (day2[0] - day1[0]) + ":ann=BATTERY@2",
                (day2[0] - day1[0]) + ":bob=SCREEN@2", (day2[1] - day1[0]) + ":cid=0@2"), latest(null));
        assertEquals(List.of("1:ann=SCREEN@1", "2:bob=0@1"), latest(batch1));
        assertEquals(Set.of(day2[0]), store.annotatorLabels().disagreeing(null));
        assertEquals(Set.of(), store.annotatorLabels().disagreeing(batch1));
    }

    @Test
    void reviewsAnnotatorsDisagreeQueueKeepsOnlyQuotesWhoseAnnotatorsDiffer() {
        set(day1[0], SCREEN, "ann");
        set(day1[0], BATTERY, "bob");
        set(day1[1], OUT, "ann");
        set(day1[1], OUT, "bob");
        set(day2[0], OUT, "ann");
        set(day2[0], SCREEN, "cid");
        QuoteFilter queue = QuoteFilter.all().withAnnotatorsDisagree(true);
        assertEquals(2, store.quotes().count(queue));
        assertEquals(List.of(day1[0], day2[0]), store.quotes().review(queue, 0, 10).items().stream()
                .map(r -> r.quote().id()).toList());
        assertEquals(1, store.quotes().count(queue.withBatch(batch2)));
        assertEquals(0, store.quotes().count(queue.withQuoteIds(List.of(day1[1], day1[2]))));
        List<QuoteRow> page = store.quotes().review(queue.withBatch(batch1), 0, 10).items();
        assertEquals(BATTERY, page.get(0).label().label(), "the current label is the latest one set");

        store.labels().set(day1[0], SCREEN, LabelSource.EXPERT, "bob"); // bob comes round to ann's label
        assertEquals(1, store.quotes().count(queue));
        assertTrue(store.quotes().count(queue.withBatch(batch1)) == 0);
    }
}
