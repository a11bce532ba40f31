package org.quotelab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quotelab.domain.metrics.Estimate;

/**
 * Prints a summary map of figures as "key  value [lo, hi]  n = N" lines: a figure never appears
 * without its support, and one resting on fewer than {@link Estimate#MIN_SUPPORT} quotes says so.
 */
final class FigureLines {

    private FigureLines() {
    }

    static void print(PrintWriter w, Map<String, Object> summary) {
        for (Map.Entry<String, Object> kv : summary.entrySet()) {
            String key = kv.getKey();
            if (kv.getValue() instanceof Map || key.endsWith("_ci") || key.startsWith("n_")) {
                continue;
            }
            Object n = summary.get("n_" + key);
            Object ci = summary.get(key + "_ci");
            if (n == null || !(kv.getValue() instanceof Number v)) {
                w.printf(Locale.ROOT, "%-40s %s%n", key, kv.getValue());
                continue;
            }
            long count = ((Number) n).longValue();
            w.printf(Locale.ROOT, "%-40s %.4f %s  n = %d%s%n", key, v.doubleValue(), range(ci), count,
                    count < Estimate.MIN_SUPPORT ? "  (fewer than " + Estimate.MIN_SUPPORT + " quotes: too few to rely on)"
                            : "");
        }
    }

    private static String range(Object ci) {
        if (ci instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number lo && l.get(1) instanceof Number hi) {
            return String.format(Locale.ROOT, "[%.4f, %.4f]", lo.doubleValue(), hi.doubleValue());
        }
        return "[-]";
    }
}
