package org.quotelab.ml.versions;

import java.util.List;
import java.util.Map;

/**
 * Where a model version comes from, written as provenance.json beside its weights. Metrics are
 * the best epoch's validation figures and, when given, the test figures.
 */
public record Provenance(
        String baseModel,
        String parentVersion,
        String datasetSha256,
        int trainingExamples,
        int validationExamples,
        Map<String, Object> hyperParameters,
        Map<String, Object> metrics,
        List<String> labels,
        String task,
        Map<String, String> environment,
        String createdAt,
        long seed) {

    public Provenance {
        // Insertion order is kept so provenance.json reads in a sensible order.
        hyperParameters = java.util.Collections.unmodifiableMap(nonNull(hyperParameters));
        metrics = java.util.Collections.unmodifiableMap(nonNull(metrics));
        labels = List.copyOf(labels);
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
    }

    private static java.util.LinkedHashMap<String, Object> nonNull(Map<String, Object> m) {
        java.util.LinkedHashMap<String, Object> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
