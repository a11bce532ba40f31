package org.quotelab.service.agreement;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.quotelab.domain.agreement.AgreementFigure;
import org.quotelab.domain.agreement.AgreementReport;
import org.quotelab.service.cascade.EstimateJson;

/**
 * The JSON shape of an agreement report, flat like the other reports: {@code alpha},
 * {@code alpha_ci}, {@code n_alpha} (quotes with two or more annotators) and
 * {@code n_values_alpha} (labels paired); {@code kappa_<a>_<b>} per pair,
 * {@code alpha_batch_<day>} and {@code alpha_class_<class>} (class 0 = out-of-topic). A figure
 * that cannot be computed is null, with {@code <key>_reason} saying why.
 */
public final class AgreementJson {

    private AgreementJson() {
    }

    public static Map<String, Object> of(AgreementSummary s) {
        AgreementReport r = s.report();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch", s.batchId() == null ? null : s.day(s.batchId()));
        m.put("annotators", r.annotators());
        m.put("classes", r.classes());
        put(m, "alpha", r.alpha());
        for (AgreementReport.PairKappa p : r.pairs()) {
            put(m, "kappa_" + p.first() + "_" + p.second(), p.kappa());
        }
        if (s.batchId() == null) {
            for (AgreementReport.BatchAlpha b : r.batches()) {
                put(m, "alpha_batch_" + s.day(b.batchId()), b.alpha());
            }
        }
        for (AgreementReport.ClassAlpha c : r.perClass()) {
            put(m, "alpha_class_" + c.value(), c.alpha());
        }
        m.put("disagreeing_quotes", r.disagreements().size());
        return m;
    }

    private static void put(Map<String, Object> m, String key, AgreementFigure f) {
        if (f.present()) {
            EstimateJson.put(m, key, f.estimate());
        } else {
            m.put(key, null); // JSON has no NaN
            m.put(key + "_ci", Arrays.asList(null, null));
            m.put("n_" + key, f.quotes());
        }
        m.put("n_values_" + key, f.values());
        if (!f.present()) {
            m.put(key + "_reason", f.reason());
        }
    }
}
