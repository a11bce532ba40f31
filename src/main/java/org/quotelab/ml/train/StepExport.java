package org.quotelab.ml.train;

import org.quotelab.ml.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.text.EncodedExample;
import org.quotelab.ml.versions.ModelVersions;
import org.quotelab.ml.weights.SafetensorsWriter;
import org.quotelab.ml.weights.WeightTransfer;

/**
 * Writes what a plain-PyTorch run needs to repeat the benchmark's steps exactly: the model's
 * initial weights under Hugging Face names, its config, the optimizer settings and the token ids
 * and labels of every batch in {@link TrainingBenchmark#plan} order. Read by
 * bench/reference/torch_step.py; written before any step changes the weights.
 */
public final class StepExport {

    private StepExport() {
    }

    public static void write(ClassifierModel model, List<EncodedExample> examples, TrainingConfig config, Path dir)
            throws IOException {
        Map<String, Object> hf = writeModel(model, config, dir);
        Map<String, Object> optim = new LinkedHashMap<>();
        optim.put("lr", config.learningRate());
        optim.put("weight_decay", config.weightDecay());
        optim.put("betas", List.of(config.beta1(), config.beta2()));
        optim.put("eps", config.epsilon());
        optim.put("max_grad_norm", config.maxGradNorm());
        List<Map<String, Object>> batches = new ArrayList<>();
        for (int[] index : TrainingBenchmark.plan(examples, config)) {
            List<long[]> ids = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (int i : index) {
                ids.add(examples.get(i).ids());
                labels.add(examples.get(i).label());
            }
            batches.add(Map.of("input_ids", ids, "labels", labels));
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("config", hf);
        all.put("optimizer", optim);
        all.put("batches", batches);
        Json.MAPPER.writeValue(dir.resolve("steps.json").toFile(), all);
    }

    /**
     * Writes the model's current weights (Hugging Face names) to model.safetensors and its config,
     * with num_labels and cls_pooler, to config.json; returns that config.
     */
    public static Map<String, Object> writeModel(ClassifierModel model, TrainingConfig config, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        SafetensorsWriter.write(dir.resolve(ModelVersions.WEIGHTS), WeightTransfer.export(model.hfParameters()),
                Map.of("format", "pt"));
        Map<String, Object> hf = new LinkedHashMap<>(model.hfConfig());
        hf.put("num_labels", model.net().numClasses());
        hf.put("cls_pooler", config.clsPooler());
        Json.MAPPER.writeValue(dir.resolve(ModelVersions.CONFIG).toFile(), hf);
        return hf;
    }
}
