package org.quotelab.ml.versions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quotelab.domain.unfamiliar.FeatureStatistics;
import org.quotelab.ml.Json;
import org.quotelab.ml.weights.SafetensorsReader;
import org.quotelab.ml.weights.SafetensorsWriter;
import org.quotelab.ml.weights.TensorData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A version's feature statistics for the unfamiliar score: {@value #FILE} in its folder (mean
 * [H] and precision [H, H] as float32 tensors, cut-off and counts in the metadata), and a
 * summary under "unfamiliar" in provenance.json's metrics. Both files are replaced atomically
 * through {@link ModelFolders#replaceFile}. A version without the file (older versions, stage 2)
 * reads as empty: its scores are "unknown", never an error.
 */
public final class FeatureStatisticsFile {

    public static final String FILE = "feature_statistics.safetensors";
    /** What the statistics describe, as recorded with them. */
    public static final String FEATURES = "L2-normalised masked mean of the last hidden state";

    private static final Logger LOG = LoggerFactory.getLogger(FeatureStatisticsFile.class);

    private FeatureStatisticsFile() {
    }

    /**
     * Writes the statistics into an existing version folder and records them in its provenance.
     * {@code heldOutSource} says where the cut-off's held-out quotes came from.
     */
    public static void write(Path version, FeatureStatistics s, String heldOutSource) throws IOException {
        int p = s.dimension();
        float[] mean = new float[p];
        float[] precision = new float[p * p];
        for (int i = 0; i < p; i++) {
            mean[i] = (float) s.mean()[i];
            for (int j = 0; j < p; j++) {
                precision[i * p + j] = (float) s.precision()[i][j];
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("cutoff", Double.toString(s.cutoff()));
        meta.put("quantile", Double.toString(s.quantile()));
        meta.put("fitted", Integer.toString(s.fitted()));
        meta.put("held_out", Integer.toString(s.heldOut()));
        meta.put("shrinkage", Double.toString(s.shrinkage()));
        meta.put("features", FEATURES);
        ModelFolders.replaceFile(version.resolve(FILE), f -> SafetensorsWriter.write(f, List.of(
                new TensorData("mean", new long[] {p}, mean),
                new TensorData("precision", new long[] {p, p}, precision)), meta));
        Path provenanceFile = version.resolve(ModelVersions.PROVENANCE);
        if (Files.exists(provenanceFile)) {
            Provenance old = ModelVersions.provenance(version);
            Map<String, Object> metrics = new LinkedHashMap<>(old.metrics());
            metrics.put("unfamiliar", summary(s, heldOutSource));
            Provenance updated = new Provenance(old.baseModel(), old.parentVersion(), old.datasetSha256(),
                    old.trainingExamples(), old.validationExamples(), old.hyperParameters(), metrics, old.labels(),
                    old.task(), old.environment(), old.createdAt(), old.seed());
            ModelFolders.replaceFile(provenanceFile, f -> Json.PRETTY.writeValue(f.toFile(), updated));
        }
    }

    /** What provenance.json records of the statistics. */
    public static Map<String, Object> summary(FeatureStatistics s, String heldOutSource) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", FILE);
        m.put("distance", "Mahalanobis, Ledoit-Wolf covariance");
        m.put("features", FEATURES);
        m.put("dimension", s.dimension());
        m.put("fitted_quotes", s.fitted());
        m.put("held_out_quotes", s.heldOut());
        m.put("held_out_source", heldOutSource);
        m.put("quantile", s.quantile());
        m.put("cutoff", s.cutoff());
        m.put("shrinkage", s.shrinkage());
        return m;
    }

    /** The statistics of a version; empty when it has none or the file cannot be read (logged). */
    public static Optional<FeatureStatistics> read(Path version) {
        Path file = version.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (SafetensorsReader r = SafetensorsReader.open(file)) {
            float[] mean = r.read("mean");
            float[] flat = r.read("precision");
            int p = mean.length;
            if (flat.length != p * p) {
                throw new IOException("precision has " + flat.length + " values, expected " + p * p);
            }
            double[] m = new double[p];
            double[][] precision = new double[p][p];
            for (int i = 0; i < p; i++) {
                m[i] = mean[i];
                for (int j = 0; j < p; j++) {
                    precision[i][j] = flat[i * p + j];
                }
            }
            Map<String, String> meta = r.metadata();
            if (!FEATURES.equals(meta.get("features"))) {
                throw new IOException("statistics of other features (" + meta.get("features") + ")");
            }
            return Optional.of(new FeatureStatistics(m, precision, Double.parseDouble(meta.get("cutoff")),
                    Double.parseDouble(meta.get("quantile")), Integer.parseInt(meta.get("fitted")),
                    Integer.parseInt(meta.get("held_out")), Double.parseDouble(meta.get("shrinkage"))));
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} cannot be read, so this version's unfamiliar scores are unknown: {}", file, e.toString());
            return Optional.empty();
        }
    }
}
