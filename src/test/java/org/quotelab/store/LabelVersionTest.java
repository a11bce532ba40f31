package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.LabelState;
import org.quotelab.domain.quote.LabelUpdates;
import org.quotelab.domain.quote.LabelWrite;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.store.StoreFixture.StoreKind;

/** Optimistic locking of labels: stale writes are conflicts, never overwrites, on both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class LabelVersionTest {
    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;
    StoreLocation location;
    QuoteStore store;
    long q1;
    long q2;

    @BeforeEach
    void setUp() throws Exception {
        location = StoreFixture.location(kind, dir);
        store = QuoteStore.open(location);
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
    void aWriteAgainstAStaleVersionIsAConflictAndWritesNothing() {
        assertEquals(0, store.labels().state(q1).version(), "imported labels start at version 0");
        var mine = store.labels().set(q1, QuoteLabel.inTopic("SCREEN"), LabelSource.EXPERT, "ann", 0);
        assertEquals(1L, mine.saved().version());
        assertEquals(0L, mine.saved().baseVersion());
        long history = store.labels().countHistory();

        var late = store.labels().set(q1, QuoteLabel.outOfTopic(), LabelSource.EXPERT, "bob", 0);
        LabelWrite.Conflict k = assertInstanceOf(LabelWrite.Conflict.class, late);
        assertEquals(QuoteLabel.inTopic("SCREEN"), k.theirs());
        assertEquals(LabelSource.EXPERT, k.theirSource());
        assertEquals("ann", k.theirBy());
        assertEquals(1, k.version());
        assertEquals(QuoteLabel.outOfTopic(), k.mine());
        assertEquals(history, store.labels().countHistory(), "a conflict writes no history");
        assertEquals("SCREEN", store.labels().current(q1).orElseThrow().label().topic());

        // bob chooses to overwrite: a new write against the version he was shown
        var again = store.labels().set(q1, QuoteLabel.outOfTopic(), LabelSource.EXPERT, "bob", k.version());
        assertEquals(2L, again.saved().version());
        assertEquals(0, store.labels().current(q1).orElseThrow().label().label());
        assertEquals(0, new LabelAudit(store).lostUpdates());
    }

    @Test
    void aClearedLabelKeepsItsVersionSoAnOldReaderCannotWriteOverIt() {
        store.labels().set(q2, QuoteLabel.outOfTopic(), LabelSource.EXPERT, "ann", 0);
        store.labels().set(q2, null, LabelSource.EXPERT, "bob", 1);
        LabelState cleared = store.labels().state(q2);
        assertNull(cleared.label());
        assertEquals(2, cleared.version());

        var stale = assertInstanceOf(LabelWrite.Conflict.class,
                store.labels().set(q2, QuoteLabel.inTopic("BATTERY"), LabelSource.EXPERT, "cem", 1));
        assertNull(stale.theirs());
        assertEquals("bob", stale.theirBy());
        assertEquals(3L, store.labels().set(q2, QuoteLabel.inTopic("BATTERY"), LabelSource.EXPERT, "cem", 2)
                .saved().version());
    }

    @Test
    void undoOfALabelSomeoneChangedSinceIsAConflict() {
        var annChange = store.labels().set(q1, QuoteLabel.inTopic("SCREEN"), LabelSource.EXPERT, "ann", 0).saved();
        store.labels().set(q1, QuoteLabel.outOfTopic(), LabelSource.EXPERT, "bob", 1);
        var undo = assertInstanceOf(LabelWrite.Conflict.class, store.labels().undo(annChange.id(), "ann"));
        assertEquals("bob", undo.theirBy());
        assertEquals(0, store.labels().current(q1).orElseThrow().label().label(), "bob's label stays");
    }

    @Test
    void anAuthorUndoesSeveralOwnEditsInARow() {
        var first = store.labels().set(q1, QuoteLabel.inTopic("SCREEN"), LabelSource.EXPERT, "ann", 0).saved();
        var second = store.labels().set(q1, QuoteLabel.outOfTopic(), LabelSource.EXPERT, "ann", 1).saved();
        assertInstanceOf(LabelWrite.Saved.class, store.labels().undo(second.id(), "ann"));
        assertInstanceOf(LabelWrite.Saved.class, store.labels().undo(first.id(), "ann"));
        assertEquals("BATTERY", store.labels().current(q1).orElseThrow().label().topic());
        assertEquals(4, store.labels().state(q1).version());
        assertEquals(0, new LabelAudit(store).lostUpdates());
    }

    @Test
    void concurrentWritersGetConflictsAndLoseNoUpdate() throws Exception {
        // on PostgreSQL a second store is a second writer connection, as another machine would be
        QuoteStore other = kind == StoreKind.POSTGRES ? QuoteStore.open(location) : store;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger saved = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                QuoteStore mine = w % 2 == 0 ? store : other;
                String who = "w" + w;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        long seen = mine.labels().state(q1).version();
                        var label = i % 2 == 0 ? QuoteLabel.outOfTopic() : QuoteLabel.inTopic("BATTERY");
                        if (mine.labels().set(q1, label, LabelSource.EXPERT, who, seen) instanceof LabelWrite.Saved) {
                            saved.incrementAndGet();
                        } else {
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            if (other != store) {
                other.close();
            }
        }
        assertEquals(100, saved.get() + conflicts.get());
        assertEquals(saved.get(), store.labels().state(q1).version(), "every accepted write moved the version by one");
        assertEquals(saved.get(), store.labels().history(q1).size());
        assertEquals(0, new LabelAudit(store).lostUpdates());
    }

    @Test
    void theAuditCountsAWriteThatIgnoredTheVersion() {
        store.labels().set(q1, QuoteLabel.inTopic("SCREEN"), LabelSource.EXPERT, "ann", 0);
        store.labels().set(q1, QuoteLabel.outOfTopic(), LabelSource.EXPERT, "bob", 1);
        // a writer that skipped the check: it saw version 1 but its change was stored after version 2
        store.database().write(c -> Counts.single(c, "SELECT COUNT(*) FROM quotes")
                + c.createStatement().executeUpdate("INSERT INTO label_history (quote_id, new_label, new_source,"
                + " changed_at, changed_by, base_version, version) VALUES (" + q1 + ", 0, 'EXPERT',"
                + " CURRENT_TIMESTAMP, 'cem', 1, 3)"));
        assertEquals(1, new LabelAudit(store).lostUpdates());
    }

    @Test
    void theFeedReturnsLabelsChangedSinceAHistoryId() {
        LabelUpdates start = store.labels().changedSince(-1);
        assertTrue(start.states().isEmpty());
        store.labels().set(q2, QuoteLabel.outOfTopic(), LabelSource.EXPERT, "ann", 0);
        LabelUpdates next = store.labels().changedSince(start.lastHistoryId());
        assertEquals(1, next.states().size());
        assertEquals(q2, next.states().get(0).quoteId());
        assertEquals(1, next.states().get(0).version());
        assertEquals("ann", next.states().get(0).label().updatedBy());
        assertTrue(next.lastHistoryId() > start.lastHistoryId());
        assertEquals(List.of(new LabelAudit.AnnotatorLabel("ann", q2, 0, null)), new LabelAudit(store).latestByAnnotator());
    }
}
