package org.quotelab.ml.versions;

import java.util.LinkedHashMap;
import java.util.Map;
import org.quotelab.domain.metrics.ClassMetrics;
import org.quotelab.domain.metrics.ClassificationReport;

/** A classification report as JSON-ready maps: accuracy, macro_f1, weighted_f1, per_class. */
public final class ReportJson {

    private ReportJson() {
    }

    public static Map<String, Object> of(ClassificationReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accuracy", r.accuracy());
        out.put("macro_f1", r.macro().f1());
        out.put("weighted_f1", r.weighted().f1());
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (ClassMetrics c : r.classes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("precision", c.precision());
            m.put("recall", c.recall());
            m.put("f1", c.f1());
            m.put("support", c.support());
            perClass.put(c.label(), m);
        }
        out.put("per_class", perClass);
        out.put("confusion_matrix", r.matrix().counts());
        return out;
    }
}
