package org.quotelab.service.models;

import java.util.List;
import java.util.stream.Collectors;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.service.cascade.CascadeVersions;

/**
 * What a promotion or roll-back will change, shown to the user before it is applied.
 *
 * @param point the operating point that comes with the cascade made active, or null when the
 *              stored one stays (no change, or the new pair is not one trained cascade)
 */
public record ActivationPlan(String action, List<Change> changes, PointChange point, String problem) {

    /** The stored operating point now, and the one recommended with the cascade being activated. */
    public record PointChange(OperatingPoint from, OperatingPoint to, CascadeVersions.Active pair) {
        public String describe() {
            return "operating point: " + (from == null ? "none" : from.describe()) + " \u2192 " + to.describe()
                    + " (recommended with that cascade)";
        }
    }

    /** One stage's switch; {@code from} is null when the stage has no active version. */
    public record Change(int stage, ModelVersion from, ModelVersion to) {
        public String describe() {
            return "stage " + stage + ": " + (from == null ? "none" : "v" + from.id()) + " \u2192 v" + to.id();
        }
    }

    public ActivationPlan {
        changes = List.copyOf(changes);
    }

    static ActivationPlan impossible(String action, String problem) {
        return new ActivationPlan(action, List.of(), null, problem);
    }

    public boolean possible() {
        return problem == null && !changes.isEmpty();
    }

    public String describe() {
        if (problem != null) {
            return action + ": " + problem;
        }
        if (changes.isEmpty()) {
            return action + ": nothing changes";
        }
        return action + ": " + changes.stream().map(Change::describe).collect(Collectors.joining(", "))
                + (point == null ? "" : "; " + point.describe());
    }
}
