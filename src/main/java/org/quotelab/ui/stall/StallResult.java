package org.quotelab.ui.stall;

import java.util.List;

/**
 * One run of {@link StallWorkload}: the import's size and duration, what the FX thread did
 * meanwhile, and how far the training job got.
 *
 * @param rows          rows in the measured import
 * @param stored        quotes in the store afterwards (the warm-up import's included)
 * @param expectedStored what {@code stored} must be when every row of both imports was kept
 * @param seconds       the measured import, from its start to its end
 * @param frames        FX pulses during the measurement (the import and half a second after it)
 * @param maxGapMs      the longest time between two pulses in that window
 * @param trainingSteps training steps taken during the import
 * @param slowGaps      every gap over 100 ms, with the FX thread's own CPU time in it
 * @param stalls        where the FX thread was whenever it missed pulses for 60 ms
 */
public record StallResult(int rows, long stored, long expectedStored, double seconds, long frames, double maxGapMs,
        long trainingSteps, List<String> slowGaps, List<String> stalls) {

    public StallResult {
        slowGaps = List.copyOf(slowGaps);
        stalls = List.copyOf(stalls);
    }

    /** Pulses per second during the measurement; 60 when the FX thread never waits. */
    public double framesPerSecond() {
        return seconds <= 0 ? 0 : frames / (seconds + PulseMeter.TAIL_SECONDS);
    }
}
