package org.quotelab.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.imports.ImportError;
import org.quotelab.domain.imports.ImportException;
import org.quotelab.domain.imports.ImportListener;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.imports.ImportResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a CSV file into the store as one transaction: every row is validated as it is read and
 * inserted in JDBC batches; the first invalid row rolls everything back, so a file is imported
 * whole or not at all. Memory stays flat whatever the file size.
 */
public final class CsvImporter {
    private static final Logger LOG = LoggerFactory.getLogger(CsvImporter.class);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final int PROGRESS_EVERY = 5_000;

    private final Database db;
    private final long projectId;

    CsvImporter(Database db, long projectId) {
        this.db = db;
        this.projectId = projectId;
    }

    public ImportResult importFile(Path file, ImportOptions options) {
        return importFile(file, options, ImportListener.NONE);
    }

    /**
     * Imports {@code file}; throws {@link ImportException} naming file, line and column when
     * anything is wrong, in which case the store is unchanged.
     */
    public ImportResult importFile(Path file, ImportOptions options, ImportListener listener) {
        String name = file.getFileName().toString();
        long t0 = System.nanoTime();
        TextFileCheck.require(file);
        ImportResult result = db.write(c -> run(c, file, name, options, listener, t0));
        LOG.info("imported {}: {} rows in {} batch(es), {} labelled, {} rows/s", name, result.rows(),
                result.batches().size(), result.labelled(), Math.round(result.rowsPerSecond()));
        return result;
    }

    /**
     * Refuses, with the import's own message, a file that is empty, only blank lines or not text
     * at all (an image, a workbook): the import wizard calls it before previewing.
     */
    public static void requireCsvText(Path file) {
        TextFileCheck.require(file);
    }

    /** The SHA-256 of a file's bytes, as stored in batches.content_hash (to warn before importing). */
    public static String contentHash(Path file) {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStreamSink.INSTANCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hex(sha.digest());
    }

    private ImportResult run(Connection c, Path file, String name, ImportOptions options,
            ImportListener listener, long t0) throws SQLException {
        MessageDigest sha = sha256();
        long size = size(file, name);
        try (InputStream raw = Files.newInputStream(file);
                DigestInputStream digest = new DigestInputStream(raw, sha);
                BufferedInputStream in = new BufferedInputStream(digest, 1 << 16);
                Reader reader = new InputStreamReader(skipBom(in), StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
                QuoteWriter writer = new QuoteWriter(c, projectId, name, options)) {
            Iterator<CSVRecord> it = parser.iterator();
            long line = 1;
            CSVRecord headerRecord = next(it, file, name, line, null);
            // blank lines before the header are skipped like those between rows
            while (headerRecord != null && headerRecord.size() == 1 && headerRecord.get(0).isBlank()) {
                headerRecord = next(it, file, name, parser.getCurrentLineNumber() + 1, null);
            }
            if (headerRecord == null) {
                throw new ImportException(new ImportError(name, 1, "1", "the file is empty"));
            }
            List<String> header = headerRecord.toList();
            checkHeaderNames(name, header);
            ColumnMapping mapping = ColumnMapping.of(name, header, options.mapping());
            RowValidator row = new RowValidator(name, mapping);
            while (true) {
                line = parser.getCurrentLineNumber() + 1;
                CSVRecord r = next(it, file, name, line, mapping);
                if (r == null) {
                    break;
                }
                if (row.isBlankLine(r)) {
                    continue;
                }
                row.read(r, line);
                writer.add(row, line);
                if (writer.rows() % PROGRESS_EVERY == 0) {
                    listener.progress(writer.rows(), Math.min(size, r.getCharacterPosition()));
                    if (listener.cancelled()) {
                        throw new ImportException(new ImportError(name, line, null,
                                "the import was cancelled; nothing was stored"));
                    }
                }
            }
            if (writer.rows() == 0) {
                throw new ImportException(new ImportError(name, line, "1", "the file has a header but no rows"));
            }
            in.transferTo(OutputStreamSink.INSTANCE); // hash every byte even if the parser stopped early
            String hash = hex(sha.digest());
            List<Batch> earlier = BatchRepository.byHash(c, projectId, hash);
            if (!earlier.isEmpty()) {
                Batch b = earlier.get(0);
                throw new ImportException(new ImportError(name, 0, null, "this file was already imported on "
                        + b.importedAt() + " as batch '" + b.day() + "' (file " + b.fileName()
                        + ", same SHA-256 content); nothing was stored"));
            }
            List<Batch> batches = writer.finish(hash);
            listener.progress(writer.rows(), size);
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new ImportResult(batches, writer.rows(), writer.labelled(), seconds);
        } catch (IOException e) {
            throw new ImportException(new ImportError(name, 0, null, "cannot read the file: " + e.getMessage()), e);
        }
    }

    /** Reads the next record, turning parser and decoding failures into located import errors. */
    private static CSVRecord next(Iterator<CSVRecord> it, Path file, String name, long line, ColumnMapping m) {
        try {
            return it.hasNext() ? it.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw locate(file, name, line, m, e);
        }
    }

    private static ImportException locate(Path file, String name, long line, ColumnMapping m, RuntimeException e) {
        boolean encoding = causedByEncoding(e);
        try {
            Optional<CsvScanner.Problem> p = CsvScanner.firstProblem(file);
            if (p.isPresent()) {
                CsvScanner.Problem q = p.get();
                String col = ColumnMapping.describe(m == null ? headerOf(file) : m.header(), q.field());
                return new ImportException(new ImportError(name, q.recordLine(), col,
                        q.what() + " (at line " + q.line() + ", character " + q.charColumn() + ")"), e);
            }
        } catch (IOException io) {
            e.addSuppressed(io);
        }
        String what = encoding ? "the file is not valid UTF-8" : "the CSV cannot be parsed: " + e.getMessage();
        return new ImportException(new ImportError(name, line, null, what), e);
    }

    /** The header read leniently, to name columns when decoding failed before the header was parsed. */
    private static List<String> headerOf(Path file) throws IOException {
        try (Reader r = new InputStreamReader(skipBom(new BufferedInputStream(Files.newInputStream(file))),
                        StandardCharsets.UTF_8);
                CSVParser p = CSVParser.builder().setReader(r).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> it = p.iterator();
            return it.hasNext() ? it.next().toList() : List.of();
        } catch (UncheckedIOException | IllegalStateException e) {
            return List.of();
        }
    }

    private static boolean causedByEncoding(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static void checkHeaderNames(String name, List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (!header.get(i).isBlank() && header.get(i).trim().equalsIgnoreCase(header.get(j).trim())) {
                    throw new ImportException(new ImportError(name, 1, ColumnMapping.describe(header, i),
                            "duplicate column name, also column " + (j + 1)));
                }
            }
        }
    }

    /** Skips a UTF-8 byte order mark: Excel writes one, and it would otherwise stick to the first column name. */
    private static InputStream skipBom(BufferedInputStream in) throws IOException {
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
            in.reset();
        }
        return in;
    }

    private static long size(Path file, String name) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ImportException(new ImportError(name, 0, null, "cannot read the file: " + e.getMessage()), e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    /** Discards bytes; used to run a stream to its end for hashing. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
