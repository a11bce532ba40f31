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

    /** One line of the provenance table: a dotted key path ("hyper_parameters.learning_rate") and its value. */
    public record Fact(String key, String value) {
    }

    /**
     * The provenance as key/value lines, nested maps flattened to dotted keys and lists written
     * inline, in the file's order: readable in a two-column table, nothing cut off.
     */
    public List<Fact> provenanceTable() {
        JsonNode n = read(provenance);
        List<Fact> out = new ArrayList<>();
        if (n.isObject()) {
            flatten("", n, out);
        } else {
            out.add(new Fact("provenance", provenance));
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode n, List<Fact> out) {
        if (n.isObject() && !n.isEmpty()) {
            n.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(x -> items.add(x.isValueNode() ? x.asText() : x.toString()));
            out.add(new Fact(prefix, String.join(", ", items)));
        } else if (n.isFloatingPointNumber()) {
            out.add(new Fact(prefix, String.format(Locale.ROOT, "%.4g", n.asDouble())));
        } else {
            out.add(new Fact(prefix, n.isNull() ? "" : n.asText()));
        }
    }

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
