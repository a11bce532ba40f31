package org.quotelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quotelab.domain.metrics.ClassificationReport;
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
        if (json) {
            w.println(Json.MAPPER.writeValueAsString(VersionFolders.reportJson(report)));
        } else {
            w.printf(Locale.ROOT, "%d rows of %s, model %s%n", rows.size(), data, model);
            w.println(report.format());
        }
        w.flush();
        return 0;
    }
}
