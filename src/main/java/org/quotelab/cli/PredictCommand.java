package org.quotelab.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quotelab.service.models.VersionFolders;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.versions.ModelVersions;
import org.quotelab.ml.infer.Scorer;
import org.quotelab.ml.infer.Scores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** quotelab predict: the predicted label and class probabilities of each CSV row. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Write the predicted label and per-class probabilities of each CSV row to a CSV file.")
public final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true)
    Path model;
    @Option(names = "--data", required = true)
    Path data;
    @Option(names = "--text-column", defaultValue = "quote_text")
    String textColumn;
    @Option(names = "--filter-column")
    String filterColumn;
    @Option(names = "--values", split = ",")
    List<String> values;
    @Option(names = "--out", required = true)
    Path out;
    @Option(names = "--batch-size", defaultValue = "64")
    int batchSize;
    @Option(names = "--max-length", defaultValue = "128")
    int maxLength;

    @Override
    public Integer call() throws Exception {
        List<String> labels = VersionFolders.labels(model);
        List<QuoteCsv.Row> rows = QuoteCsv.read(data, textColumn, null, filterColumn,
                values == null ? null : new HashSet<>(values));
        VersionFolders.Predictions scores = VersionFolders.predict(model, QuoteCsv.texts(rows), maxLength, batchSize);
        List<String> header = new ArrayList<>(List.of("row", "text", "predicted", "confidence"));
        labels.forEach(l -> header.add("p_" + l));
        // empty cells when the version has no feature statistics: the score is unknown, not 0
        header.add("unfamiliar");
        header.add("unfamiliar_flag");
        int[] predicted = scores.predicted();
        try (BufferedWriter bw = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(bw, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                     .get())) {
            for (int i = 0; i < rows.size(); i++) {
                float[] p = scores.probabilities()[i];
                List<Object> record = new ArrayList<>(List.of(rows.get(i).line(), rows.get(i).text(),
                        labels.get(predicted[i]), fmt(p[predicted[i]])));
                for (float v : p) {
                    record.add(fmt(v));
                }
                Double u = scores.unfamiliar(i);
                record.add(u == null ? "" : String.format(Locale.ROOT, "%.4f", u));
                record.add(u == null ? "" : scores.unfamiliarFlag(i) ? "1" : "0");
                csv.printRecord(record);
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "wrote %d predictions to %s%n", rows.size(), out);
        if (scores.unfamiliar() == null) {
            w.println("unfamiliar: unknown (the version has no feature statistics)");
        } else {
            long flagged = java.util.stream.IntStream.range(0, rows.size()).filter(scores::unfamiliarFlag).count();
            w.printf(Locale.ROOT, "unfamiliar: %d of %d above the cut-off %.3f%n", flagged, rows.size(),
                    scores.unfamiliarCutoff());
        }
        w.flush();
        return 0;
    }

    private static String fmt(float v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
