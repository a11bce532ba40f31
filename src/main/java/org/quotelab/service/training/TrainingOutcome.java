package org.quotelab.service.training;

import java.nio.file.Path;

/**
 * A finished training job: its run, the cascade folder it wrote, whether its versions are now the
 * active ones, their ids, and a sentence for the user.
 */
public record TrainingOutcome(long runId, Path folder, boolean activated, long stage1Version, long stage2Version,
                              String summary) {
}
