package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.store.StoreFixture.StoreKind;

/**
 * One training per project: on PostgreSQL across two store clients (two connection pools, as two
 * processes have), on H2 inside the one process the file admits.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class TrainingLockTest {
    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    @Test
    void aSecondTrainingOfTheProjectIsRefusedAndToldWhoHoldsIt() {
        StoreLocation at = StoreFixture.location(kind, dir);
        try (QuoteStore a = QuoteStore.open(at); QuoteStore b = kind == StoreKind.H2 ? a : QuoteStore.open(at)) {
            long project = a.projectId();
            long other = a.projects().create("Other").id();
            assertEquals(Optional.empty(), b.database().trainingLockHolder(project));
            try (StoreLock held = a.database().tryTrainingLock(project, "fine-tune by ann@host-a").orElseThrow()) {
                assertTrue(b.database().tryTrainingLock(project, "update by bob@host-b").isEmpty());
                String holder = b.database().trainingLockHolder(project).orElseThrow();
                assertTrue(holder.startsWith("fine-tune by ann@host-a since "), holder);
                // another project trains meanwhile
                try (StoreLock second = b.database().tryTrainingLock(other, "update by bob@host-b").orElseThrow()) {
                    assertEquals(other, second.projectId());
                }
            }
            assertEquals(Optional.empty(), b.database().trainingLockHolder(project));
            b.database().tryTrainingLock(project, "update by bob@host-b").orElseThrow().close();
        }
    }

    @Test
    void aHolderWhoseConnectionDiesLetsTheNextTrainingStart() {
        if (kind == StoreKind.H2) {
            return; // on H2 the lock dies with the process that holds the file
        }
        StoreLocation at = StoreFixture.location(kind, dir);
        try (QuoteStore a = QuoteStore.open(at); QuoteStore b = QuoteStore.open(at)) {
            StoreLock held = a.database().tryTrainingLock(a.projectId(), "fine-tune by ann@host-a").orElseThrow();
            assertTrue(b.database().tryTrainingLock(a.projectId(), "update by bob").isEmpty());
            // the server ends the holder's session, as when its process is killed or its network cut
            b.database().write(c -> {
                try (Statement s = c.createStatement()) {
                    return s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE application_name LIKE 'fine-tune by ann@host-a%'");
                }
            });
            StoreLock next = waitFor(b, a.projectId());
            next.close();
            held.close(); // its connection is gone: closing it is quiet
        }
    }

    private static StoreLock waitFor(QuoteStore s, long project) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<StoreLock> l = s.database().tryTrainingLock(project, "update by bob");
            if (l.isPresent()) {
                return l.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the lock of a terminated session was never released");
    }
}
