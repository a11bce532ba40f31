package org.quotelab.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.quotelab.service.cascade.SharedModels;
import org.quotelab.store.Database;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.StoreCopy;
import org.quotelab.store.StoreException;
import org.quotelab.store.StoreLocation;

/**
 * Moves a whole store (every project) to another database: an H2 file to a team's PostgreSQL, or
 * back to a new H2 file so that a round trip can be checked. The copy is one transaction on the
 * target, proven table by table with row counts and digests before it commits ({@link StoreCopy}).
 * Both stores are opened (and so migrated to this version's schema) first. Moving to PostgreSQL
 * also keeps the model folders the versions name, where they are on this machine, in the new
 * store, so that every member of the team can score with them.
 */
public final class StoreMigration {

    /** One table's figures: rows and digest in the source and in the target. */
    public record Table(String name, long sourceRows, long targetRows, String sourceDigest, String targetDigest) {
        public boolean matches() {
            return sourceRows == targetRows && sourceDigest.equals(targetDigest);
        }
    }

    /**
     * Every table's figures; {@code copied} false when a mismatch rolled the copy back. {@code from}
     * and {@code to} describe the two stores (never with a password).
     */
    public record Result(String from, String to, List<Table> tables, boolean copied, long keptFolders,
            long keptBytes) {
        public boolean matches() {
            return tables.stream().allMatch(Table::matches);
        }
    }

    private final AppHome home;

    /** {@code home}: where a PostgreSQL address's credentials may be written (db.properties). */
    public StoreMigration(AppHome home) {
        this.home = home;
    }

    /**
     * Where {@code named} lives: a PostgreSQL address, else an H2 file (with or without its
     * .mv.db suffix); null = {@code home}'s own store.
     */
    StoreLocation location(String named) {
        if (named == null) {
            return home.store();
        }
        if (!StoreLocation.isPostgres(named) && named.endsWith(".mv.db")) {
            named = named.substring(0, named.length() - ".mv.db".length());
        }
        return home.store(named);
    }

    /**
     * Copies the store named {@code from} (as {@link #location}: null = the data folder's) into the
     * new, empty store named {@code to}. {@code progress} hears a line per table. A store that does
     * not exist yet is created only as the target.
     */
    public Result migrate(String fromName, String toName, Consumer<String> progress) {
        if (toName == null || toName.isBlank()) {
            throw new IllegalArgumentException("name the target store: postgresql://host[:port]/database or an H2 file");
        }
        return migrate(location(fromName), location(toName), progress);
    }

    Result migrate(StoreLocation from, StoreLocation to, Consumer<String> progress) {
        if (from instanceof StoreLocation.H2File h2 && !Files.isRegularFile(Path.of(h2.file() + ".mv.db"))) {
            throw new StoreException("there is no H2 store at " + h2.file() + ".mv.db", null);
        }
        try (Database source = Database.open(from); Database target = Database.open(to)) {
            progress.accept("copying " + from.describe() + " to " + to.describe());
            try {
                StoreCopy.Report report = StoreCopy.copy(source, target, progress);
                // the versions' folders on this machine, kept in a shared store for the whole team
                long[] kept = SharedModels.keepRecorded(new QuoteStore(target));
                return result(from, to, report, true, kept);
            } catch (StoreCopy.MismatchException e) {
                return result(from, to, e.report(), false, new long[2]);
            } catch (IOException e) {
                throw new UncheckedIOException("the store was copied, but keeping its model folders in "
                        + to.describe() + " failed: " + e.getMessage(), e);
            }
        }
    }

    private static Result result(StoreLocation from, StoreLocation to, StoreCopy.Report report, boolean copied,
            long[] kept) {
        return new Result(from.describe(), to.describe(), report.tables().stream().map(t -> new Table(t.table(), t.sourceRows(), t.targetRows(),
                t.sourceDigest(), t.targetDigest())).toList(), copied, kept[0], kept[1]);
    }
}
