package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.AnnotatorFilter;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.LabelledBy;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.store.StoreFixture.StoreKind;

/** Batch assignments and the Review filters by annotator, on both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class BatchAssignmentTest {
    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;
    QuoteStore store;
    long dayA;
    long dayB;
    List<Long> ids;

    @BeforeEach
    void setUp() throws Exception {
        store = StoreFixture.open(kind, dir);
        // imported labels are recorded as the import's author ("import")
        ImportOptions options = ImportOptions.defaults();
        dayA = store.importer().importFile(StoreFixture.write(dir, "a.csv", StoreFixture.SHARED_HEADER
                + "\na1,Battery died fast,1,BATTERY,d\na2,Screen cracked,,,d\na3,Fine phone,,,d\n"), options).batches().get(0).id();
        dayB = store.importer().importFile(StoreFixture.write(dir, "b.csv", StoreFixture.SHARED_HEADER
                + "\nb1,Charger broke,,,d\nb2,Nice colour,,,d\n"), options).batches().get(0).id();
        ids = store.quotes().page(null, 0, 10).items().stream().map(q -> q.id()).toList();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void assigningReplacesTheBatchsListAndListsThemByBatch() {
        assertEquals(List.of("ann", "bob"), store.assignments().assign(dayA, List.of("bob", " ann", "bob"), "lead"));
        assertEquals(List.of("cat"), store.assignments().assign(dayB, List.of("cat"), "lead"));
        assertEquals(Map.of(dayA, List.of("ann", "bob"), dayB, List.of("cat")), store.assignments().all());
        assertEquals(List.of(dayA), store.assignments().batchesOf("ann"));

        assertEquals(List.of("cat"), store.assignments().assign(dayA, List.of("cat"), "lead"));
        assertEquals(List.of(dayA, dayB), store.assignments().batchesOf("cat"));
        assertTrue(store.assignments().batchesOf("ann").isEmpty());
        assertTrue(store.assignments().assign(dayA, List.of(), "lead").isEmpty());
        assertEquals(Map.of(dayB, List.of("cat")), store.assignments().all());
    }

    @Test
    void badNamesAndUnknownBatchesAreRefusedAndChangeNothing() {
        store.assignments().assign(dayA, List.of("ann"), "lead");
        var e = assertThrows(IllegalArgumentException.class,
                () -> store.assignments().assign(dayA, List.of("bob", " "), "lead"));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store.assignments().assign(dayA, List.of("a,b"), "lead"));
        var missing = assertThrows(IllegalArgumentException.class,
                () -> store.assignments().assign(dayB + 100, List.of("bob"), "lead"));
        assertTrue(missing.getMessage().contains("no batch " + (dayB + 100)), missing.getMessage());
        assertEquals(List.of("ann"), store.assignments().assignees(dayA));
    }

    @Test
    void assignmentsBelongToTheirProjectAndGoWithADeletedBatch() {
        store.assignments().assign(dayA, List.of("ann"), "lead");
        QuoteStore other = store.forProject(store.projects().create("Other").id());
        assertTrue(other.assignments().all().isEmpty());
        assertTrue(other.assignments().batchesOf("ann").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> other.assignments().assign(dayA, List.of("bob"), "lead"));

        store.batches().delete(dayA);
        assertTrue(store.assignments().all().isEmpty());
    }

    @Test
    void reviewFiltersByWhoSetTheCurrentLabel() {
        store.labels().set(ids.get(1), QuoteLabel.outOfTopic(), LabelSource.EXPERT, "ann");
        store.labels().set(ids.get(3), QuoteLabel.inTopic("BATTERY"), LabelSource.EXPERT, "bob");
        store.labels().set(ids.get(4), QuoteLabel.outOfTopic(), LabelSource.MODEL_ACCEPTED, "ann");
        // bob's change of ann's label makes it bob's
        store.labels().set(ids.get(4), QuoteLabel.inTopic("BATTERY"), LabelSource.EXPERT, "bob");

        assertEquals(List.of(ids.get(1)), read(LabelledBy.ME, "ann", false));
        assertEquals(List.of(ids.get(0), ids.get(3), ids.get(4)), read(LabelledBy.OTHERS, "ann", false));
        assertEquals(List.of(ids.get(3), ids.get(4)), read(LabelledBy.ME, "bob", false));
        assertEquals(List.of(ids.get(2)), read(LabelledBy.NOBODY, "ann", false));
        assertEquals(ids, read(LabelledBy.ANYONE, null, false));
        assertEquals(1, store.quotes().count(QuoteFilter.all()
                .withAnnotators(new AnnotatorFilter(LabelledBy.ME, "ann", false))));
    }

    @Test
    void reviewFiltersToTheBatchesAssignedToTheAnnotator() {
        store.assignments().assign(dayB, List.of("ann", "bob"), "lead");
        assertEquals(List.of(ids.get(3), ids.get(4)), read(LabelledBy.ANYONE, "ann", true));
        assertTrue(read(LabelledBy.ANYONE, "cat", true).isEmpty());
        store.labels().set(ids.get(3), QuoteLabel.outOfTopic(), LabelSource.EXPERT, "bob");
        assertEquals(List.of(ids.get(4)), read(LabelledBy.NOBODY, "ann", true));
        assertEquals(List.of(ids.get(3)), read(LabelledBy.OTHERS, "ann", true));
        assertEquals(2, store.quotes().count(QuoteFilter.all()
                .withAnnotators(new AnnotatorFilter(LabelledBy.ANYONE, "ann", true))));
    }

    private List<Long> read(LabelledBy by, String annotator, boolean assignedOnly) {
        QuoteFilter f = QuoteFilter.all().withAnnotators(new AnnotatorFilter(by, annotator, assignedOnly));
        return store.quotes().review(f, 0, 100).items().stream().map(r -> r.quote().id()).toList();
    }
}
