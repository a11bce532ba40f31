package org.quotelab.service.schedule;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.StoreLock;

/**
 * One scheduler per store. On a shared PostgreSQL store every instance of the team competes for
 * the store's scheduler lock ({@link StoreLock}, dropped by the server when its holder's
 * connection ends). On H2, one scheduler per data folder. H2's file lock already keeps a second process off the store, so
 * the app and {@code quotelab watch} never run on one data folder at once; this lock file also
 * refuses a second scheduler inside one process (the app and a watch started from it, two
 * workbenches in a test), where FileChannel.tryLock throws OverlappingFileLockException. The
 * operating system drops the lock when the process dies, so a kill never leaves it stuck.
 */
public final class ScheduleLock implements AutoCloseable {
    /** The lock file's name, beside the database file. */
    public static final String FILE = "schedule.lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final StoreLock shared;

    private ScheduleLock(FileChannel channel, FileLock lock, StoreLock shared) {
        this.channel = channel;
        this.lock = lock;
        this.shared = shared;
    }

    /** Takes the lock of {@code store}'s scheduler for {@code holder} or throws {@link ScheduleBusyException}. */
    public static ScheduleLock acquire(QuoteStore store, String holder) {
        Path file = store.database().file();
        if (file != null) {
            return acquire(file.resolveSibling(FILE));
        }
        StoreLock held = store.database().tryScheduleLock(holder).orElseThrow(() -> new ScheduleBusyException(
                store.database().scheduleLockHolder().orElse("another instance")));
        return new ScheduleLock(null, null, held);
    }

    /** Takes the lock or throws {@link ScheduleBusyException} naming the folder. */
    public static ScheduleLock acquire(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new ScheduleBusyException(file.toAbsolutePath().getParent());
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode("pid " + ProcessHandle.current().pid() + " since "
                    + Instant.now() + System.lineSeparator()));
            channel.force(false);
            return new ScheduleLock(channel, lock, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot take the schedule lock " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
            return;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock anyway
        }
    }
}
