package org.quotelab.cli.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.quotelab.domain.agreement.AgreementFigure;
import org.quotelab.domain.agreement.AgreementReport;
import org.quotelab.store.LabelAudit;

/**
 * Checks the agreement figures the app shows against a recomputation from the raw label table:
 * each annotator's latest history row per quote (plain SQL, {@link LabelAudit}), and
 * Krippendorff's nominal alpha and Cohen's kappa written out here from their textbook
 * definitions, so neither the store's history resolution nor the domain's arithmetic checks itself.
 */
final class TeamAgreementCheck {
    private static final double TOLERANCE = 1e-9;

    /** Alpha overall and kappa of every pair recomputed; details of any mismatch go to {@code out}. */
    static boolean matches(AgreementReport shown, List<LabelAudit.AnnotatorLabel> raw, Map<String, Object> out) {
        Map<Long, Map<String, String>> units = new TreeMap<>();
        for (LabelAudit.AnnotatorLabel l : raw) {
            if (l.label() != null) {
                String value = l.label() == 0 ? "0" : l.topic() == null ? "1" : l.topic();
                units.computeIfAbsent(l.quoteId(), q -> new TreeMap<>()).put(l.annotator(), value);
            }
        }
        double alpha = alpha(units);
        out.put("alpha_recomputed", alpha);
        boolean same = close(shown.alpha(), alpha);
        for (AgreementReport.PairKappa p : shown.pairs()) {
            double kappa = kappa(units, p.first(), p.second());
            out.put("kappa_" + p.first() + "_" + p.second() + "_recomputed", kappa);
            same &= close(p.kappa(), kappa);
        }
        return same;
    }

    private static boolean close(AgreementFigure f, double recomputed) {
        if (!f.present()) {
            return Double.isNaN(recomputed);
        }
        return Math.abs(f.value() - recomputed) <= TOLERANCE;
    }

    /** Nominal alpha from the coincidence matrix: 1 - (n - 1) * observed / expected disagreement. */
    static double alpha(Map<Long, Map<String, String>> units) {
        Map<String, Map<String, Double>> o = new HashMap<>();
        for (Map<String, String> unit : units.values()) {
            List<String> values = new ArrayList<>(unit.values());
            int m = values.size();
            if (m < 2) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        o.computeIfAbsent(values.get(i), c -> new HashMap<>()).merge(values.get(j), 1.0 / (m - 1), Double::sum);
                    }
                }
            }
        }
        Map<String, Double> margin = new HashMap<>();
        double n = 0;
        double observed = 0;
        for (var row : o.entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                margin.merge(row.getKey(), cell.getValue(), Double::sum);
                n += cell.getValue();
                if (!row.getKey().equals(cell.getKey())) {
                    observed += cell.getValue();
                }
            }
        }
        double expected = 0;
        for (var c : margin.entrySet()) {
            for (var k : margin.entrySet()) {
                if (!c.getKey().equals(k.getKey())) {
                    expected += c.getValue() * k.getValue();
                }
            }
        }
        return expected == 0 ? Double.NaN : 1 - (n - 1) * observed / expected;
    }

    /** Cohen's kappa of two annotators on the quotes both labelled: (po - pe) / (1 - pe). */
    static double kappa(Map<Long, Map<String, String>> units, String a, String b) {
        Map<String, Integer> ofA = new HashMap<>();
        Map<String, Integer> ofB = new HashMap<>();
        int both = 0;
        int agree = 0;
        for (Map<String, String> unit : units.values()) {
            String x = unit.get(a);
            String y = unit.get(b);
            if (x != null && y != null) {
                both++;
                agree += x.equals(y) ? 1 : 0;
                ofA.merge(x, 1, Integer::sum);
                ofB.merge(y, 1, Integer::sum);
            }
        }
        if (both == 0) {
            return Double.NaN;
        }
        double pe = 0;
        for (String c : new TreeSet<>(ofA.keySet())) {
            pe += ofA.get(c) * (double) ofB.getOrDefault(c, 0) / ((double) both * both);
        }
        double po = agree / (double) both;
        return pe == 1 ? Double.NaN : (po - pe) / (1 - pe);
    }
}
