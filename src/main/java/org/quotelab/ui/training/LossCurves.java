package org.quotelab.ui.training;

/**
 * The loss chart's arithmetic: which series a training phase belongs to, and the smoothed line
 * as TensorBoard draws it (an exponential moving average with its start-up bias removed).
 */
final class LossCurves {

    /** TensorBoard's default smoothing weight. */
    static final double DEFAULT_SMOOTHING = 0.6;

    private LossCurves() {
    }

    /**
     * The series of a phase: "stage 1", "cross-fitting folds", "stage 2", "update" ... Every
     * fine-tune of the job restarts its loss, so each phase gets its own line rather than one
     * line that looks like it diverges at every restart. Folds share one series.
     */
    static String series(String phase) {
        if (phase == null || phase.isBlank()) {
            return "training";
        }
        String p = phase.startsWith("quick start - ") ? phase.substring("quick start - ".length()) : phase;
        if (p.startsWith("cross-fitting")) {
            return "cross-fitting folds";
        }
        int colon = p.indexOf(':');
        String head = (colon > 0 ? p.substring(0, colon) : p).trim();
        return head.isEmpty() ? "training" : head;
    }

    /**
     * TensorBoard's smoothing: last = w * last + (1 - w) * v, divided by 1 - w^n so the first
     * points are not pulled towards zero. Non-finite values are passed through and not counted.
     */
    static final class Ema {
        private final double weight;
        private double last;
        private int count;

        Ema(double weight) {
            if (weight < 0 || weight >= 1) {
                throw new IllegalArgumentException("smoothing must be in [0, 1), got " + weight);
            }
            this.weight = weight;
        }

        double next(double value) {
            if (!Double.isFinite(value)) {
                return value;
            }
            last = weight * last + (1 - weight) * value;
            count++;
            return last / (1 - Math.pow(weight, count));
        }
    }
}
