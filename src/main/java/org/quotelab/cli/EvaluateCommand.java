package org.quotelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quotelab.domain.metrics.ClassificationReport;
import org.quotelab.domain.metrics.ReportIntervals;
import org.quotelab.service.cascade.EstimateJson;
import org.quotelab.service.cascade.EvaluationScope;
import org.quotelab.service.models.VersionFolders;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.versions.ModelVersions;
import org.quotelab.ml.versions.ReportJson;
import org.quotelab.ml.infer.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** quotelab evaluate: classification report of a model version on labelled CSV rows. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score labelled CSV rows with a model version and print its classification report.")
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model version or Hugging Face folder.")
    Path model;
    @Option(names = "--data", required = true)
    Path data;
    @Option(names = "--text-column", defaultValue = "quote_text")
    String textColumn;
    @Option(names = "--label-column", defaultValue = "label")
    String labelColumn;
    @Option(names = "--filter-column")
    String filterColumn;
    @Option(names = {"--values", "--eval-values"}, split = ",", description = "Values of --filter-column to keep.")
    List<String> values;
    @Option(names = "--batch-size", defaultValue = "64")
    int batchSize;
    @Option(names = "--max-length", defaultValue = "128")
    int maxLength;
    @Option(names = "--json", description = "Print one JSON object: accuracy, macro_f1, weighted_f1, per_class.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        List<String> labels = VersionFolders.labels(model);
        List<QuoteCsv.Row> rows = TrainCommand.labelled(QuoteCsv.read(data, textColumn, labelColumn, filterColumn,
                values == null ? null : new HashSet<>(values)));
        if (filterColumn != null && values == null) {
            throw new IllegalArgumentException("--values is required with --filter-column");
        }
        ClassificationReport report = VersionFolders.evaluate(model, labels, QuoteCsv.texts(rows),
                QuoteCsv.labels(rows), maxLength, batchSize);
        ReportIntervals ci = ReportIntervals.of(report);
        if (json) {
            w.println(Json.MAPPER.writeValueAsString(withIntervals(VersionFolders.reportJson(report), ci)));
        } else {
            // a CSV is not the store: what the version trained on is not known, so the scope is the file
            w.printf(Locale.ROOT, "%d rows of %s, model %s; scope: %s%n", rows.size(), data, model,
                    EvaluationScope.EXTERNAL_FILE);
            w.println(report.format());
            w.printf(Locale.ROOT, "accuracy   %s%nmacro-F1   %s%nweighted-F1 %s%n", ci.accuracy().format(),
                    ci.macroF1().format(), ci.weightedF1().format());
            for (ReportIntervals.ClassIntervals c : ci.classes()) {
                w.printf(Locale.ROOT, "%s: F1 %s%s%n", c.label(), c.f1().format(),
                        c.f1().enough() ? "" : " (" + c.f1().warning() + ")");
            }
        }
        w.flush();
        return 0;
    }

    /** The report's keys, each figure joined by {@code <key>_ci} and {@code n_<key>}, and the scope. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withIntervals(Map<String, Object> report, ReportIntervals ci) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scope", EvaluationScope.EXTERNAL_FILE);
        out.putAll(report);
        EstimateJson.put(out, "accuracy", ci.accuracy());
        EstimateJson.put(out, "macro_f1", ci.macroF1());
        EstimateJson.put(out, "weighted_f1", ci.weightedF1());
        Map<String, Object> perClass = (Map<String, Object>) out.get("per_class");
        for (ReportIntervals.ClassIntervals c : ci.classes()) {
            Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) perClass.get(c.label()));
            EstimateJson.put(row, "precision", c.precision());
            EstimateJson.put(row, "recall", c.recall());
            EstimateJson.put(row, "f1", c.f1());
            perClass.put(c.label(), row);
        }
        return out;
    }
}
