package org.quotelab.ml.versions;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that writes, publishes and removes model folders. Every folder is built under a
 * hidden work name beside its target and renamed into place in one step, so readers see either
 * nothing or a complete folder. A process killed half-way leaves only work folders, which
 * {@link #sweep} recognises by name and removes at the next start.
 *
 * <p>Work folder names: {@code .NAME.tmp-RANDOM} (one version being saved), {@code .NAME.partial}
 * (a training or update run's output) and {@code .NAME.staging-N} (the name used before this class).
 */
public final class ModelFolders {

    public static final String PARTIAL = ".partial";
    private static final String TMP = ".tmp-";
    private static final String STAGING = ".staging-";
    private static final Logger LOG = LoggerFactory.getLogger(ModelFolders.class);

    private ModelFolders() {
    }

    /** Fills a folder that does not exist yet under its final name. */
    @FunctionalInterface
    public interface Writer {
        void write(Path dir) throws IOException;
    }

    /**
     * Writes {@code target} through {@code writer} into a hidden temporary folder beside it, then
     * renames it; refuses an existing target, since versions are never overwritten.
     */
    public static void writeAtomically(Path target, Writer writer) throws IOException {
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target + " exists; versions are never overwritten");
        }
        Path tmp = createTemp(target);
        try {
            writer.write(tmp);
            publish(tmp, target);
        } finally {
            deleteTree(tmp); // gone after a successful rename; the half-written folder after a failure
        }
    }

    /** Fills one file under a name it is given. */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path file) throws IOException;
    }

    /**
     * Adds or replaces one file of an existing folder (a version's feature statistics, its
     * provenance): written under a hidden work name beside it and renamed over it in one step, so
     * readers see the old file or the new one, never half of one.
     */
    public static void replaceFile(Path target, FileWriter writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + TMP, "");
        try {
            writer.write(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A new empty hidden folder beside {@code target}, named so that {@link #sweep} knows it. */
    public static Path createTemp(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, "." + target.getFileName() + TMP);
    }

    /** The hidden folder a run named {@code name} writes into before {@link #publish} (not created). */
    public static Path partial(Path modelsDir, String name) {
        return modelsDir.resolve("." + name + PARTIAL);
    }

    /** Renames a complete folder to its final name in one step; never replaces an existing one. */
    public static void publish(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            throw new FileAlreadyExistsException(to + " exists; versions are never overwritten");
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Copies a folder tree into {@code to}, which must not exist. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    /** Removes a folder and everything in it; nothing happens when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** True for the name of a work folder that only a running (or killed) writer can own. */
    public static boolean isLeftover(String name) {
        return name.endsWith(PARTIAL) || name.startsWith(".") && (name.contains(TMP) || name.contains(STAGING));
    }

    /**
     * Removes every work folder under {@code root}, at any depth, and logs each one. Call it only
     * when no writer can be running: at start-up once the store's lock is held, or when a run
     * starts (one training job at a time).
     *
     * @return the folders removed
     */
    public static List<Path> sweep(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && isLeftover(dir.getFileName().toString())) {
                    found.add(dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (isLeftover(file.getFileName().toString())) {
                    found.add(file); // a file that replaceFile did not get to rename
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path p : found) {
            LOG.warn("removing {}, left by a writer that was killed or failed", p);
            deleteTree(p);
        }
        return found;
    }
}
