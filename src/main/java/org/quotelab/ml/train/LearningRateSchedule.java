package org.quotelab.ml.train;

/** Linear warm-up from 0 to the peak, then linear decay to 0 at the last step (HF's default). */
public record LearningRateSchedule(double peak, int warmupSteps, int totalSteps) {

    public static LearningRateSchedule of(TrainingConfig config, int totalSteps) {
        int warmup = (int) Math.ceil(config.warmupFraction() * totalSteps);
        return new LearningRateSchedule(config.learningRate(), warmup, totalSteps);
    }

    /**
     * Rate for the step with 0-based index {@code step}. Unlike HF, the first warm-up step already
     * moves (rate peak / warmup), so no step is spent at rate 0.
     */
    public double at(int step) {
        if (step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        int decaySteps = Math.max(1, totalSteps - warmupSteps);
        return peak * Math.max(0.0, (double) (totalSteps - step) / decaySteps);
    }
}
