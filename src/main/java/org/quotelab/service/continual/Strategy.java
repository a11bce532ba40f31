package org.quotelab.service.continual;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quotelab.domain.continual.ReplayMemory;

/**
 * How an update learns a new batch without forgetting. Parts combine ("replay+ewc"): rehearsal
 * mixes a uniform sample of the labelled history into the update, replay mixes in a fixed-size
 * memory, EWC adds the online EWC penalty. Full retraining starts from the base model on all
 * labelled data instead; it combines with nothing.
 *
 * @param rehearsalShare share of the update's examples drawn from the history (0..0.9)
 * @param replayCapacity size of the replay memory
 * @param ewcLambda      EWC penalty weight; ewcGamma the Fisher decay of online EWC
 */
public record Strategy(boolean rehearsal, double rehearsalShare, boolean replay, int replayCapacity,
                       ReplayMemory.Selection replaySelection, boolean ewc, double ewcLambda, double ewcGamma,
                       boolean fullRetrain) {

    public static final double DEFAULT_REHEARSAL_SHARE = 0.3;
    public static final int DEFAULT_REPLAY_CAPACITY = 300;
    public static final double DEFAULT_EWC_LAMBDA = 50_000;
    public static final double DEFAULT_EWC_GAMMA = 0.9;
    /** The strategy updates use unless the user picks another one (chosen by the stream benchmark, see ADR 0008). */
    public static final String DEFAULT = "replay";

    public Strategy {
        if (rehearsalShare < 0 || rehearsalShare > 0.9) {
            throw new IllegalArgumentException("rehearsal share must be in [0, 0.9], got " + rehearsalShare);
        }
        if (replayCapacity < 1) {
            throw new IllegalArgumentException("replay capacity must be >= 1");
        }
        if (fullRetrain && (rehearsal || replay || ewc)) {
            throw new IllegalArgumentException("full retraining combines with no other strategy");
        }
    }

    /** Parses "naive", "rehearsal", "replay", "ewc", "full" or a '+' combination, with default parameters. */
    public static Strategy parse(String spec) {
        boolean rehearsal = false;
        boolean replay = false;
        boolean ewc = false;
        boolean full = false;
        for (String part : spec.toLowerCase(Locale.ROOT).split("\\+")) {
            switch (part.trim()) {
                case "naive" -> { }
                case "rehearsal" -> rehearsal = true;
                case "replay" -> replay = true;
                case "ewc" -> ewc = true;
                case "full", "full_retrain", "full-retrain" -> full = true;
                default -> throw new IllegalArgumentException("unknown strategy '" + part
                        + "' (naive, rehearsal, replay, ewc, full, or a '+' combination)");
            }
        }
        return new Strategy(rehearsal, DEFAULT_REHEARSAL_SHARE, replay, DEFAULT_REPLAY_CAPACITY,
                ReplayMemory.Selection.RESERVOIR, ewc, DEFAULT_EWC_LAMBDA, DEFAULT_EWC_GAMMA, full);
    }

    public Strategy withRehearsalShare(double share) {
        return new Strategy(rehearsal, share, replay, replayCapacity, replaySelection, ewc, ewcLambda, ewcGamma,
                fullRetrain);
    }

    public Strategy withReplay(int capacity, ReplayMemory.Selection selection) {
        return new Strategy(rehearsal, rehearsalShare, replay, capacity, selection, ewc, ewcLambda, ewcGamma,
                fullRetrain);
    }

    public Strategy withEwc(double lambda, double gamma) {
        return new Strategy(rehearsal, rehearsalShare, replay, replayCapacity, replaySelection, ewc, lambda, gamma,
                fullRetrain);
    }

    public String name() {
        if (fullRetrain) {
            return "full";
        }
        List<String> parts = new ArrayList<>();
        if (rehearsal) {
            parts.add("rehearsal");
        }
        if (replay) {
            parts.add("replay");
        }
        if (ewc) {
            parts.add("ewc");
        }
        return parts.isEmpty() ? "naive" : String.join("+", parts);
    }

    /** What goes into a version's provenance. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy", name());
        if (rehearsal) {
            m.put("rehearsal_share", rehearsalShare);
        }
        if (replay) {
            m.put("replay_capacity", replayCapacity);
            m.put("replay_selection", replaySelection.name().toLowerCase(Locale.ROOT));
        }
        if (ewc) {
            m.put("ewc_lambda", ewcLambda);
            m.put("ewc_gamma", ewcGamma);
        }
        return m;
    }
}
