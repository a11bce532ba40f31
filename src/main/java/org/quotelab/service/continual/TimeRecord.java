package org.quotelab.service.continual;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.quotelab.service.Json;

/**
 * The across-time record kept in each updated version's metrics: the update steps of its lineage
 * (the batch ids each step learned; step 0 is everything the first version learned) and one
 * evaluation row per version of the lineage, on every step's validation part known at the time.
 */
record TimeRecord(List<List<Long>> steps, List<Row> rows) {

    /** Correct predictions and totals per step and class. */
    record Row(int[][] correct, int[][] total) {

        static Row of(VersionEvaluation e) {
            return new Row(e.correct(), e.total());
        }

        VersionEvaluation evaluation() {
            return new VersionEvaluation(correct, total);
        }
    }

    static final String KEY = "time_record";

    TimeRecord {
        steps = List.copyOf(steps);
        rows = List.copyOf(rows);
    }

    /** The record in a version's metrics JSON, or null when the version was not made by an update. */
    static TimeRecord from(String metricsJson) {
        if (metricsJson == null || metricsJson.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(metricsJson).get(KEY);
            return node == null || node.isNull() ? null : Json.MAPPER.treeToValue(node, TimeRecord.class);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    List<VersionEvaluation> evaluations() {
        List<VersionEvaluation> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.evaluation()));
        return out;
    }
}
