package org.quotelab.cli.bench;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quotelab.cli.Json;
import org.quotelab.cli.QuoteCsv;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.StepExport;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.TrainingRecipe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * quotelab bench tokens: the bundled MiniLM's pretrained weights and the token ids of every row
 * of a CSV, with its label and group, as QuoteLab's own tokenizer and truncation make them. A
 * plain-PyTorch fine-tune (bench/reference/train_reference.py) then trains on exactly the inputs
 * QuoteLab trains on, without a tokenizer of its own.
 */
@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = "Write the bundled model's weights (model.safetensors, config.json) and every row's token "
                + "ids, label and group (rows.jsonl) to --out, for bench/reference/train_reference.py.")
public final class BenchTokensCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** A labelled CSV. */
    @Mixin
    BenchData data;
    @Option(names = "--label-column", defaultValue = "label")
    String labelColumn;
    @Option(names = "--group-column", defaultValue = "group")
    String groupColumn;
    @Option(names = "--out", paramLabel = "DIR", required = true)
    Path out;

    @Override
    public Integer call() throws Exception {
        Path file = data.file();
        List<QuoteCsv.Row> rows = QuoteCsv.read(file, "quote_text", labelColumn, null, null);
        // Read twice over the same file: the group lands in the label field of the second list.
        List<QuoteCsv.Row> groups = QuoteCsv.read(file, "quote_text", groupColumn, null, null);
        LabelMap labels = LabelMap.fromValues(QuoteCsv.labels(QuoteCsv.labelled(rows)));
        TrainingConfig cfg = TrainingRecipe.REFERENCE.builder().build();
        int written = 0;
        try (ClassifierModel model = BertModels.open(BertModels.BUNDLED, labels.size(), cfg, ComputeDevice.AUTO)) {
            StepExport.writeModel(model, cfg, out);
            List<EncodedExample> encoded = model.encoder().encodeAll(QuoteCsv.texts(rows), null);
            try (BufferedWriter w = Files.newBufferedWriter(out.resolve("rows.jsonl"), StandardCharsets.UTF_8)) {
                for (int i = 0; i < rows.size(); i++) {
                    if (rows.get(i).label().isEmpty()) {
                        continue;
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("line", rows.get(i).line());
                    row.put("group", groups.get(i).label());
                    row.put("label", rows.get(i).label());
                    row.put("ids", encoded.get(i).ids());
                    w.write(Json.MAPPER.writeValueAsString(row));
                    w.newLine();
                    written++;
                }
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%d rows of %s and the bundled model's weights written to %s (labels %s)%n", written, file, out,
                labels.labels());
        w.flush();
        return 0;
    }
}
