package org.quotelab.service.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quotelab.domain.model.ModelStatus;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.service.Json;

/**
 * A model version as the Models table shows it: base model and a metrics summary read from its
 * JSON documents, its cascade partner, and the provenance pretty-printed for the detail pane.
 */
public record VersionInfo(ModelVersion version, String base, String summary, Long partnerId, String provenance) {
    /** Figures worth a glance, in the order shown; cascade training and update runs write different ones. */
    private static final List<String> FIGURES = List.of("threshold", "acc", "bwt", "recent", "macro_f1",
            "accuracy", "validation_quotes");

    public boolean active() {
        return version.status() == ModelStatus.ACTIVE;
    }

    static VersionInfo of(ModelVersion v, Long partner) {
        JsonNode prov = read(v.provenanceJson());
        String base = prov.path("base_model").asText("");
        return new VersionInfo(v, base.isEmpty() ? "-" : base, summary(read(v.metricsJson()), prov), partner,
                prov.isEmpty() ? "No provenance was recorded for this version." : pretty(prov));
    }

    static String summary(JsonNode metrics, JsonNode provenance) {
        List<String> parts = new ArrayList<>();
        JsonNode validation = provenance.path("metrics").path("validation").get("macro_f1");
        if (validation != null && validation.isNumber()) {
            parts.add(String.format(Locale.ROOT, "val macro-F1 %.3f", validation.asDouble()));
        }
        for (String key : FIGURES) {
            JsonNode n = metrics.has(key) ? metrics.get(key) : metrics.path("facts").get(key);
            if (n != null && n.isNumber()) {
                parts.add(key + " " + (n.isIntegralNumber() ? n.asText() : String.format(Locale.ROOT, "%.3f", n.asDouble())));
            }
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    private static JsonNode read(String json) {
        try {
            return json == null || json.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            return Json.MAPPER.createObjectNode().put("unreadable", json);
        }
    }

    private static String pretty(JsonNode n) {
        try {
            return Json.PRETTY.writeValueAsString(n);
        } catch (java.io.IOException e) {
            return n.toString();
        }
    }
}
