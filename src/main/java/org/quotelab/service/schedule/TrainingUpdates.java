package org.quotelab.service.schedule;

import org.quotelab.service.continual.ScheduledUpdate;
import org.quotelab.service.jobs.ProgressSink;
import org.quotelab.service.training.TrainingOutcome;
import org.quotelab.service.training.TrainingService;
import org.quotelab.service.training.UpdateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule's updates go through {@link TrainingService#update}, the job behind the Training
 * view's Update and {@code quotelab update}: the same promotion gate, one training at a time.
 */
public final class TrainingUpdates {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingUpdates.class);

    private TrainingUpdates() {
    }

    /** Updates with {@code template}'s strategy, settings, gate and device, on the batches the schedule names. */
    public static ScheduledUpdate.Runner through(TrainingService training, UpdateRequest template) {
        return (batchIds, reason, cancel) -> {
            UpdateRequest r = new UpdateRequest(batchIds, template.strategy(), template.settings(), template.gate(),
                    template.device());
            ProgressSink log = (fraction, message) -> LOG.debug("scheduled update {}: {}", Math.round(fraction * 100), message);
            TrainingOutcome o = training.update(r, e -> { }).run(log, cancel);
            return new ScheduledUpdate.Result(o.runId(), o.activated(), o.stage1Version(), o.stage2Version(), o.summary());
        };
    }
}
