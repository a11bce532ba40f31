package org.quotelab.service.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.quote.BatchSummary;
import org.quotelab.domain.imports.ExportFormat;
import org.quotelab.domain.imports.ImportError;
import org.quotelab.domain.imports.ImportException;
import org.quotelab.domain.imports.ImportListener;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.imports.ImportResult;
import org.quotelab.domain.imports.QuoteField;
import org.quotelab.service.jobs.Job;
import org.quotelab.domain.jobs.JobCancelledException;
import org.quotelab.store.ColumnMapping;
import org.quotelab.store.CsvImporter;
import org.quotelab.store.QuoteStore;

/**
 * Data in and out of the store: imports CSV files (as jobs, or directly for the CLI), reads the
 * preview the import wizard shows before that, lists batches and exports labels or predictions.
 */
public final class ImportService {
    private static final CSVFormat PREVIEW_FORMAT = CSVFormat.RFC4180;

    private final QuoteStore store;
    private final String author;

    public ImportService(QuoteStore store, String author) {
        this.store = store;
        this.author = author;
    }

    /** The imported batches, oldest first; reads the store, so call it from a job. */
    public List<Batch> batches() {
        return store.batches().list();
    }

    /** How many quotes the store holds, over every batch. */
    public long quoteCount() {
        return store.quotes().count();
    }

    /** The batches with their quote and label counts, for the Data view's list; reads the store. */
    public List<BatchSummary> batchSummaries() {
        return store.batches().summaries();
    }

    /**
     * Reads the header and up to {@code maxRows} rows leniently. A file the preview cannot parse
     * is reported like an import error, so the wizard shows the same line/column message.
     */
    public ImportPreview preview(Path file, int maxRows) {
        String name = file.getFileName().toString();
        CsvImporter.requireCsvText(file); // empty, blank-only and binary files get the import's own message
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(PREVIEW_FORMAT).get()) {
            List<String> header = null;
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                List<String> cells = r.toList();
                if (header == null) {
                    header = stripBom(cells);
                } else if (rows.size() < maxRows) {
                    rows.add(cells);
                } else {
                    break;
                }
            }
            if (header == null) {
                throw new ImportException(new ImportError(name, 1, "1", "the file is empty"));
            }
            Map<String, QuoteField> suggested = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String column = header.get(i);
                QuoteField f = column.isBlank() && i == 0 ? QuoteField.IGNORED : ColumnMapping.suggest(column);
                suggested.put(column, f);
            }
            boolean group = suggested.containsValue(QuoteField.GROUP);
            return new ImportPreview(file, List.copyOf(header), List.copyOf(rows), suggested, group, dayOf(file));
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new ImportException(new ImportError(name, 0, null, "cannot preview the file: " + e.getMessage()), e);
        }
    }

    /**
     * The explicit mapping to pass to the importer: only the columns whose chosen field differs
     * from what the importer would pick itself, because the importer resolves the recognised ones
     * (e.g. processed_text over quote_text) and an explicit duplicate would clash with that.
     */
    public static Map<String, QuoteField> explicitMapping(ImportPreview preview, Map<String, QuoteField> chosen) {
        Map<String, QuoteField> out = new LinkedHashMap<>();
        chosen.forEach((column, field) -> {
            if (field != null && !Objects.equals(field, preview.suggested().get(column))) {
                out.put(column, field);
            }
        });
        return out;
    }

    /**
     * The options the wizard builds: the day name, group splitting and the user's mapping. Topics
     * the project's schema does not have are refused (an {@code UnknownTopicsException}), so the
     * user decides whether to add or map them: nothing joins a schema silently.
     */
    public ImportOptions options(String day, boolean splitGroups, Map<String, QuoteField> explicit) {
        return new ImportOptions(day == null || day.isBlank() ? null : day.trim(), splitGroups, explicit, author)
                .withAddTopics(false);
    }

    /**
     * The import as a job: progress is the share of the file's bytes read; cancelling rolls the
     * whole file back. An invalid file fails with an {@link ImportException} naming line and column.
     */
    public Job<ImportResult> importJob(Path file, ImportOptions options) {
        return (progress, cancel) -> {
            long size = Math.max(1, Files.size(file));
            String name = file.getFileName().toString();
            progress.update(0, "reading " + name);
            try {
                return store.importer().importFile(file, options, new ImportListener() {
                    @Override
                    public void progress(long rows, long bytesRead) {
                        progress.update(Math.min(1.0, (double) bytesRead / size),
                                String.format("%s: %,d rows", name, rows));
                    }

                    @Override
                    public boolean cancelled() {
                        return cancel.isCancelled();
                    }
                });
            } catch (ImportException e) {
                if (cancel.isCancelled()) {
                    throw new JobCancelledException();
                }
                throw e;
            }
        };
    }

    /** One file, whole or not at all, on the calling thread: for callers without a job runner (the CLI). */
    public ImportResult importFile(Path file, ImportOptions options) {
        return store.importer().importFile(file, options);
    }

    /** Labels as a re-importable file, so a corrected batch can leave the store and come back; returns rows. */
    public long exportLabels(Path out, ExportFormat format, boolean labelledOnly) {
        return store.exporter().exportLabels(out, format, labelledOnly);
    }

    /** The stored predictions of a stage-1 version (and of a stage-2 one when given); returns rows. */
    public long exportPredictions(Path out, ExportFormat format, long stage1VersionId, Long stage2VersionId) {
        return store.exporter().exportPredictions(out, format, stage1VersionId, stage2VersionId);
    }

    /**
     * Names topics of the project's schema (topic id -> name) that still have their default name
     * ("topic 3"); topics renamed by someone, or not in the schema, are left alone.
     */
    public void nameTopics(Map<String, String> names) {
        var schema = store.schema().schema();
        names.forEach((key, name) -> schema.find(key)
                .filter(t -> t.name().equals(org.quotelab.domain.project.TopicDef.defaultName(key)))
                .ifPresent(t -> store.schema().rename(key, name)));
    }

    /** The batch name the importer uses when none is given: the file name without extension. */
    static String dayOf(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static List<String> stripBom(List<String> header) {
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            List<String> copy = new ArrayList<>(header);
            copy.set(0, copy.get(0).substring(1));
            return copy;
        }
        return header;
    }
}
