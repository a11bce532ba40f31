package org.quotelab.service.continual;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quotelab.domain.continual.ScheduleEvent;
import org.quotelab.domain.continual.ScheduleEvent.Kind;
import org.quotelab.domain.continual.ScheduleEvent.Status;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.domain.jobs.JobCancelledException;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.store.QuoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule's update side: which batches wait to be learned (those imported since the last
 * update that ran to its end, promoted or refused), what the {@link UpdatePolicy} says about them,
 * and the update itself, through the same job as a manual one, so through the same promotion gate.
 * Everything is read back from the schedule's events, so a kill loses no state: an interrupted or
 * failed update leaves its batches waiting, and the next run decides again.
 */
public final class ScheduledUpdate {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledUpdate.class);

    /** Runs an update of the active cascade on the given batches, on the calling thread. */
    @FunctionalInterface
    public interface Runner {
        Result run(List<Long> batchIds, String reason, CancellationToken cancel) throws Exception;
    }

    /** What the update did: its run, its candidates, whether the gate promoted them, and why in words. */
    public record Result(long runId, boolean promoted, Long stage1Version, Long stage2Version, String summary) {
    }

    private final QuoteStore store;
    private final UpdatePolicy policy;
    private final Runner runner;
    private final Clock clock;
    private final ScheduleLog log;

    public ScheduledUpdate(QuoteStore store, UpdatePolicy policy, Runner runner, Clock clock, ScheduleLog log) {
        this.store = store;
        this.policy = policy;
        this.runner = runner;
        this.clock = clock;
        this.log = log;
    }

    public UpdatePolicy policy() {
        return policy;
    }

    /** The batches imported by the schedule since the last update that ran to its end. */
    public List<Long> pending() {
        long after = store.schedule().lastOf(Kind.UPDATE, Status.DONE).map(ScheduleEvent::id).orElse(0L);
        List<Long> out = new ArrayList<>();
        store.schedule().since(after).stream().filter(e -> e.kind() == Kind.IMPORT && e.status() == Status.DONE)
                .forEach(e -> out.addAll(e.batchIds()));
        return out;
    }

    /** When the policy's time of day next lets an update start (null without a time of day). */
    public Instant nextTime() {
        return policy.nextTime(clock.instant(), lastStart(), clock.getZone());
    }

    private Instant lastStart() {
        return store.schedule().lastOf(Kind.UPDATE, Status.DONE, Status.FAILED).map(ScheduleEvent::startedAt)
                .orElse(null);
    }

    /**
     * Applies the policy to the waiting batches and launches the update when it says so. A
     * decision not to update is recorded only when {@code newBatches} (else every poll would log one).
     */
    void decide(boolean newBatches, List<ScheduleEvent> events, CancellationToken cancel) {
        List<Long> pending = pending();
        if (pending.isEmpty()) {
            return;
        }
        if (new CascadeVersions(store).active().isEmpty()) {
            note(newBatches, events, pending, "no active cascade: train a first model; the new batches wait for it");
            return;
        }
        long after = store.schedule().lastOf(Kind.UPDATE, Status.DONE).map(ScheduleEvent::id).orElse(0L);
        boolean drifted = store.schedule().since(after).stream()
                .anyMatch(e -> e.kind() == Kind.DRIFT && Boolean.TRUE.equals(e.drifted()));
        long labels = 0;
        for (Long id : pending) {
            labels += store.quotes().count(QuoteFilter.all().withBatch(id).withLabelled(true));
        }
        String state = pending.size() + " batch(es) waiting " + pending + ", " + labels + " new labels, "
                + (drifted ? "drift alert" : "no drift alert");
        String reason = policy.decide(pending.size(), labels, drifted);
        if (reason == null) {
            note(newBatches, events, pending, "no update yet: " + state + "; policy: " + policy.describe());
        } else if (policy.never()) {
            note(newBatches, events, pending, "an update is due (" + reason + ") but the policy only proposes:"
                    + " run 'quotelab update' or use the Training view");
        } else if (!policy.timeAllows(clock.instant(), lastStart(), clock.getZone())) {
            note(newBatches, events, pending, "an update is due (" + reason + "); it waits for " + policy.at());
        } else {
            events.add(launch(pending, reason, cancel));
        }
    }

    private void note(boolean newBatches, List<ScheduleEvent> events, List<Long> pending, String text) {
        if (newBatches) {
            events.add(log.record(ScheduleEvent.start(Kind.DECISION, null, null, null, pending, ""),
                    Status.DONE, text));
        }
    }

    private ScheduleEvent launch(List<Long> pending, String reason, CancellationToken cancel) {
        LOG.info("schedule: launching an update on batches {} ({})", pending, reason);
        ScheduleEvent started = log.start(ScheduleEvent.start(Kind.UPDATE, null, null, null, pending,
                "update launched: " + reason));
        store.schedule().sync(); // a kill during the update leaves this step to be closed as interrupted
        try {
            Result r = runner.run(List.copyOf(pending), reason, cancel);
            String text = (r.promoted() ? "promoted (" + reason + "): "
                    : "kept as candidate, the promotion gate refused it; the active cascade is unchanged (" + reason
                    + "): ") + r.summary();
            LOG.info("schedule: {}", text);
            return log.finish(started.withUpdate(r.runId(), r.stage1Version(), r.stage2Version(),
                    r.promoted()).finish(Status.DONE, text));
        } catch (JobCancelledException e) {
            log.finish(started.finish(Status.INTERRUPTED,
                    "stopped during the update; the active cascade is unchanged and the batches still wait"));
            throw e;
        } catch (Exception e) {
            LOG.warn("schedule: the update on batches {} failed", pending, e);
            String run = Optional.ofNullable(e.getMessage()).orElse(e.toString());
            return log.finish(started.finish(Status.FAILED,
                    "update failed, the active cascade is unchanged: " + run));
        }
    }
}
