package org.quotelab.ml.versions;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.ml.Json;
import java.util.stream.Stream;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.model.ModelFactory;
import org.quotelab.ml.model.NonFiniteModelException;
import org.quotelab.ml.weights.SafetensorsReader;
import org.quotelab.ml.weights.SafetensorsWriter;
import org.quotelab.ml.weights.WeightTransfer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model versions on disk. A version folder is a Hugging Face folder (config.json with
 * id2label / label2id, model.safetensors under HF names, tokenizer files) plus label_map.json and
 * provenance.json. It is written into a hidden temporary folder beside the target and renamed in
 * one step, so a crash or a cancel never leaves half a version, and versions are never overwritten.
 */
public final class ModelVersions {

    public static final String WEIGHTS = "model.safetensors";
    public static final String CONFIG = "config.json";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String LABEL_MAP = "label_map.json";
    public static final String PROVENANCE = "provenance.json";

    private static final Logger LOG = LoggerFactory.getLogger(ModelVersions.class);

    private ModelVersions() {
    }

    /** Writes a version; refuses non-finite weights and an existing target. */
    public static void save(ClassifierModel model, LabelMap labels, Provenance provenance, Path target)
            throws IOException {
        ModelFolders.writeAtomically(target, dir -> writeVersion(model, labels, provenance, dir));
        LOG.info("saved model version {}", target);
    }

    /**
     * Writes a version's files into {@code dir}, a work folder that the caller publishes, so that
     * extra files (e.g. EWC's Fisher) arrive together with the weights.
     */
    public static void writeVersion(ClassifierModel model, LabelMap labels, Provenance provenance, Path dir)
            throws IOException {
        if (!model.net().weightsFinite()) {
            throw new NonFiniteModelException("refusing to save a model with NaN or infinite weights");
        }
        writeHfFiles(model, labels, dir);
        Json.PRETTY.writeValue(dir.resolve(LABEL_MAP).toFile(), Map.of("labels", labels.labels()));
        Json.PRETTY.writeValue(dir.resolve(PROVENANCE).toFile(), provenance);
    }

    /** Writes only the Hugging Face files into a new folder: what transformers needs, nothing else. */
    public static void exportHf(Path version, Path target) throws IOException {
        ModelFolders.writeAtomically(target, dir -> {
            for (String f : List.of(CONFIG, WEIGHTS, TOKENIZER, "tokenizer_config.json", "special_tokens_map.json")) {
                if (Files.exists(version.resolve(f))) {
                    Files.copy(version.resolve(f), dir.resolve(f));
                }
            }
        });
    }

    /**
     * As {@link #exportHf(Path, Path)}, with config.json's {@code id2label} and {@code label2id}
     * under the names people read ({@code names}: the version's label -> its name; a label without
     * one keeps itself). The labels themselves stay in {@code quotelab_label_ids}, so the
     * exported model still says which stored topic id each output is.
     */
    public static void exportHf(Path version, Path target, java.util.function.UnaryOperator<String> names)
            throws IOException {
        LabelMap labels = labels(version);
        ModelFolders.writeAtomically(target, dir -> {
            for (String f : List.of(WEIGHTS, TOKENIZER, "tokenizer_config.json", "special_tokens_map.json")) {
                if (Files.exists(version.resolve(f))) {
                    Files.copy(version.resolve(f), dir.resolve(f));
                }
            }
            Map<String, Object> config = Json.MAPPER.readValue(version.resolve(CONFIG).toFile(),
                    new TypeReference<Map<String, Object>>() { });
            Map<String, String> id2label = new LinkedHashMap<>();
            Map<String, Integer> label2id = new LinkedHashMap<>();
            Map<String, String> ids = new LinkedHashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                String name = names.apply(labels.label(i));
                // two outputs must not share a name: label2id would lose one
                if (name == null || label2id.containsKey(name)) {
                    name = labels.label(i);
                }
                id2label.put(Integer.toString(i), name);
                label2id.put(name, i);
                ids.put(Integer.toString(i), labels.label(i));
            }
            config.put("id2label", id2label);
            config.put("label2id", label2id);
            config.put("quotelab_label_ids", ids);
            Json.PRETTY.writeValue(dir.resolve(CONFIG).toFile(), config);
        });
    }

    /** Loads a version (or an exported HF folder) into a model built by {@code factory}. */
    public static ClassifierModel load(Path folder, ModelFactory factory) throws IOException {
        LabelMap labels = labels(folder);
        ClassifierModel model = factory.create(folder, labels.size());
        try {
            try (SafetensorsReader reader = SafetensorsReader.open(folder.resolve(WEIGHTS))) {
                WeightTransfer.assign(model.hfParameters(), reader, model.net().manager());
            }
            return model;
        } catch (RuntimeException | IOException e) {
            model.close();
            throw e;
        }
    }

    /** The label map of a version, or of an HF folder from its id2label. */
    public static LabelMap labels(Path folder) throws IOException {
        Path map = folder.resolve(LABEL_MAP);
        if (Files.exists(map)) {
            Map<String, List<String>> m = Json.MAPPER.readValue(map.toFile(),
                    new TypeReference<Map<String, List<String>>>() { });
            return new LabelMap(m.get("labels"));
        }
        Map<String, Object> config = Json.MAPPER.readValue(folder.resolve(CONFIG).toFile(),
                new TypeReference<Map<String, Object>>() { });
        @SuppressWarnings("unchecked")
        Map<String, String> id2label = (Map<String, String>) config.get("id2label");
        return new LabelMap(id2label.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> Integer.parseInt(e.getKey())))
                .map(Map.Entry::getValue).toList());
    }

    public static Provenance provenance(Path version) throws IOException {
        return Json.MAPPER.readValue(version.resolve(PROVENANCE).toFile(), Provenance.class);
    }

    private static void writeHfFiles(ClassifierModel model, LabelMap labels, Path dir) throws IOException {
        SafetensorsWriter.write(dir.resolve(WEIGHTS), WeightTransfer.export(model.hfParameters()), Map.of("format", "pt"));
        Map<String, Object> config = new LinkedHashMap<>(model.hfConfig());
        config.put("architectures", List.of("BertForSequenceClassification"));
        config.putIfAbsent("model_type", "bert");
        Map<String, String> id2label = new LinkedHashMap<>();
        Map<String, Integer> label2id = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            id2label.put(Integer.toString(i), labels.label(i));
            label2id.put(labels.label(i), i);
        }
        config.put("id2label", id2label);
        config.put("label2id", label2id);
        config.put("problem_type", "single_label_classification");
        config.put("torch_dtype", "float32");
        Json.PRETTY.writeValue(dir.resolve(CONFIG).toFile(), config);
        byte[] tokenizer = model.tokenizerJson();
        if (tokenizer != null) {
            Files.write(dir.resolve(TOKENIZER), tokenizer);
            // Lets AutoTokenizer pick the fast BERT tokenizer that reads tokenizer.json.
            Json.PRETTY.writeValue(dir.resolve("tokenizer_config.json").toFile(), Map.of(
                    "tokenizer_class", "BertTokenizerFast", "do_lower_case", true, "model_max_length", 512,
                    "cls_token", "[CLS]", "sep_token", "[SEP]", "pad_token", "[PAD]", "unk_token", "[UNK]",
                    "mask_token", "[MASK]"));
        }
    }
}
