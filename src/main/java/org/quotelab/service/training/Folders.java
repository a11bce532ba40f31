package org.quotelab.service.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copying and removing version folders. */
final class Folders {

    private Folders() {
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    /**
     * Removes hidden ".partial" folders that a killed job left behind. Only one training runs at
     * a time (TrainingService), so none of them belongs to a running job.
     */
    static void removePartials(Path modelsDir) throws IOException {
        if (!Files.isDirectory(modelsDir)) {
            return;
        }
        try (Stream<Path> s = Files.list(modelsDir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".partial")).toList()) {
                delete(p);
            }
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
