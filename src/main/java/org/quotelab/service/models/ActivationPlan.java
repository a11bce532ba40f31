package org.quotelab.service.models;

import java.util.List;
import java.util.stream.Collectors;
import org.quotelab.domain.quote.ModelVersion;

/** What a promotion or roll-back will change, shown to the user before it is applied. */
public record ActivationPlan(String action, List<Change> changes, String problem) {

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
        return new ActivationPlan(action, List.of(), problem);
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
        return action + ": " + changes.stream().map(Change::describe).collect(Collectors.joining(", "));
    }
}
