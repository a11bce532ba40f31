package org.quotelab.service.annotators;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.quotelab.domain.quote.AnnotatorNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name this machine's user labels under, saved in {@value #FILE} in the data folder. The data
 * folder is per machine even when the store is a shared PostgreSQL database, so each member of a
 * team keeps their own name while all of them write to one store. Until a name is saved, the OS
 * user stands in.
 */
public final class AnnotatorSettings {
    public static final String FILE = "annotator.properties";
    private static final Logger LOG = LoggerFactory.getLogger(AnnotatorSettings.class);
    private static final String KEY = "name";

    private final Path file;

    /** {@code dataFolder}: the folder holding the store settings and models (AppHome's root). */
    public AnnotatorSettings(Path dataFolder) {
        this.file = dataFolder.resolve(FILE);
    }

    /** The saved name; empty when none was chosen yet or the file cannot be read (logged). */
    public Optional<String> saved() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            String name = p.getProperty(KEY);
            return name == null ? Optional.empty() : Optional.of(AnnotatorNames.check(name));
        } catch (IOException | IllegalArgumentException e) {
            // a damaged file must not keep the app from starting: the OS user stands in, and saving fixes it
            LOG.warn("ignoring the annotator name in {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** The saved name, else the OS user. */
    public String current() {
        return saved().orElseGet(AnnotatorSettings::osUser);
    }

    /** Checks and saves {@code name}; the file is replaced whole, never left half written. Returns the name saved. */
    public String save(String name) {
        String checked = AnnotatorNames.check(name);
        Properties p = new Properties();
        p.setProperty(KEY, checked);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "." + FILE, ".tmp");
            try {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    p.store(w, "The name QuoteLab records on this machine's label changes");
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the annotator name to " + file + ": " + e.getMessage(), e);
        }
        LOG.info("annotator name set to '{}'", checked);
        return checked;
    }

    /** The person logged in to the machine: the name used until one is chosen. */
    public static String osUser() {
        String user = System.getProperty("user.name");
        if (user == null || user.isBlank()) {
            return "unknown";
        }
        try {
            return AnnotatorNames.check(user);
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }
}
