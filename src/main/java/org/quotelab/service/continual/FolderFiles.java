package org.quotelab.service.continual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of a watched folder: which CSV files are complete (size and modification time the
 * same at two looks), and where a handled file goes: {@code done/} once its import committed,
 * {@code rejected/} with a {@code NAME.error.txt} beside it when the import refused it.
 */
final class FolderFiles {
    static final String DONE = "done";
    static final String REJECTED = "rejected";

    /** What a look at a file saw. */
    private record Seen(long size, FileTime modified) {
    }

    private final Path folder;
    private final Map<Path, Seen> lastLook = new HashMap<>();

    FolderFiles(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /**
     * The CSV files, in name order, that have not changed since the previous call: a file still
     * being written is left for the next one. With {@code settleMillis} > 0 this call looks twice,
     * that far apart, so one call (a run with --once) finds the complete files by itself.
     */
    List<Path> complete(long settleMillis) throws IOException, InterruptedException {
        if (settleMillis > 0) {
            look();
            Thread.sleep(settleMillis);
        }
        Map<Path, Seen> before = new HashMap<>(lastLook);
        Map<Path, Seen> now = look();
        List<Path> out = new ArrayList<>();
        now.forEach((file, seen) -> {
            if (seen.equals(before.get(file))) {
                out.add(file);
            }
        });
        out.sort(null);
        return out;
    }

    private Map<Path, Seen> look() throws IOException {
        Map<Path, Seen> now = new HashMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                for (Path p : s.filter(FolderFiles::isCsv).toList()) {
                    try {
                        now.put(p, new Seen(Files.size(p), Files.getLastModifiedTime(p)));
                    } catch (IOException gone) {
                        // moved or deleted between the listing and the look: not there
                    }
                }
            }
        }
        lastLook.clear();
        lastLook.putAll(now);
        return now;
    }

    private static boolean isCsv(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    /** Moves a file whose import committed (or that was imported before) into done/. */
    Path moveToDone(Path file) throws IOException {
        return moveInto(file, folder.resolve(DONE));
    }

    /** Moves a refused file into rejected/ and writes the import's message beside it. */
    Path reject(Path file, String message) throws IOException {
        Path moved = moveInto(file, folder.resolve(REJECTED));
        Path note = moved.resolveSibling(moved.getFileName() + ".error.txt");
        Files.writeString(note, message + System.lineSeparator() + "rejected at " + Instant.now()
                + System.lineSeparator() + "Nothing of this file was stored. Fix it and drop it into the folder again."
                + System.lineSeparator(), StandardCharsets.UTF_8);
        return moved;
    }

    /** Moves into {@code target}, adding "-2", "-3"... before ".csv" when a file of that name is there. */
    private Path moveInto(Path file, Path target) throws IOException {
        Files.createDirectories(target);
        String name = file.getFileName().toString();
        Path to = target.resolve(name);
        int dot = name.lastIndexOf('.');
        for (int i = 2; Files.exists(to); i++) {
            to = target.resolve(name.substring(0, dot) + "-" + i + name.substring(dot));
        }
        lastLook.remove(file);
        return Files.move(file, to, StandardCopyOption.ATOMIC_MOVE);
    }
}
