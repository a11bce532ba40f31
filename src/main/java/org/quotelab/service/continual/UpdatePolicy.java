package org.quotelab.service.continual;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * When the schedule launches an update: after every N new batches, once enough new labels have
 * arrived, or when a batch drifts; any condition that is met is enough. With a time of day
 * ({@code at}) the update waits for that time, once a day, and with no other condition it runs
 * then on whatever arrived. {@code never} only proposes: the schedule records what it would do.
 *
 * @param everyBatches update after this many new batches (0 = never for this reason)
 * @param minNewLabels update once the batches not learned yet hold this many labels (0 = never for this reason)
 * @param onDrift      update when a new batch raises a drift alert
 * @param at           the time of day updates run at, or null for "as soon as a condition is met"
 * @param never        propose only, never launch
 */
public record UpdatePolicy(int everyBatches, long minNewLabels, boolean onDrift, LocalTime at, boolean never) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public UpdatePolicy {
        if (everyBatches < 0 || minNewLabels < 0) {
            throw new IllegalArgumentException("batch and label counts of the policy must be 0 or more");
        }
    }

    public UpdatePolicy(int everyBatches, long minNewLabels, boolean onDrift) {
        this(everyBatches, minNewLabels, onDrift, null, false);
    }

    public static UpdatePolicy defaults() {
        return new UpdatePolicy(3, 500, true);
    }

    /** "HH:MM" as a time of day; a clear message otherwise. */
    public static LocalTime parseTime(String hhmm) {
        try {
            return LocalTime.parse(hhmm.trim(), HH_MM);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the time of day must be HH:MM (24 hours), e.g. 02:00, not '" + hhmm + "'");
        }
    }

    /** The reason to update now, or null to wait. */
    public String decide(int pendingBatches, long pendingLabels, boolean drifted) {
        if (everyBatches > 0 && pendingBatches >= everyBatches) {
            return pendingBatches + " new batches";
        }
        if (minNewLabels > 0 && pendingLabels >= minNewLabels) {
            return pendingLabels + " new labels";
        }
        if (onDrift && drifted) {
            return "drift";
        }
        if (at != null && !hasCondition() && pendingBatches > 0) {
            return pendingBatches + " new batch" + (pendingBatches == 1 ? "" : "es") + ", daily at " + HH_MM.format(at);
        }
        return null;
    }

    /** Whether a batch, label or drift condition is set (else only the time of day triggers). */
    public boolean hasCondition() {
        return everyBatches > 0 || minNewLabels > 0 || onDrift;
    }

    /**
     * With a time of day: whether an update may start now, i.e. that time has passed today and no
     * update started since. A machine that was off at that time catches up later the same day.
     */
    public boolean timeAllows(Instant now, Instant lastUpdateStart, ZoneId zone) {
        if (at == null) {
            return true;
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        Instant today = local.toLocalDate().atTime(at).atZone(zone).toInstant();
        return !now.isBefore(today) && (lastUpdateStart == null || lastUpdateStart.isBefore(today));
    }

    /** The next time of day an update may start, or null without one. */
    public Instant nextTime(Instant now, Instant lastUpdateStart, ZoneId zone) {
        if (at == null) {
            return null;
        }
        if (timeAllows(now, lastUpdateStart, zone)) {
            return now;
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        LocalDateTime today = local.toLocalDate().atTime(at);
        return (local.isBefore(today) ? today : today.plusDays(1)).atZone(zone).toInstant();
    }

    /** The policy in words, e.g. "update after 3 batches, 500 labels or a drift alert, at 02:00". */
    public String describe() {
        if (never) {
            return "never update (only propose)";
        }
        List<String> when = new ArrayList<>();
        if (everyBatches > 0) {
            when.add(everyBatches + " new batch" + (everyBatches == 1 ? "" : "es"));
        }
        if (minNewLabels > 0) {
            when.add(minNewLabels + " new labels");
        }
        if (onDrift) {
            when.add("a drift alert");
        }
        String time = at == null ? "" : (when.isEmpty() ? " every day at " : ", at ") + HH_MM.format(at);
        return when.isEmpty() && at == null ? "no condition set: never update"
                : "update" + (when.isEmpty() ? "" : " after " + String.join(", or ", when)) + time;
    }
}
