package org.quotelab.domain.continual;

import java.time.Instant;
import java.util.List;

/**
 * One step of the watched-folder schedule as the store records it: what ran ({@link Kind}), how
 * it ended ({@link Status}), on which file and batches, and what came out: the drift verdict, the
 * update's run, its candidate versions and whether the promotion gate let them in. {@code detail}
 * is the sentence a person reads (an import error, the drift alerts, why an update ran or not).
 */
public record ScheduleEvent(long id, Kind kind, Status status, String fileName, Long fileSize, String fileHash,
                            List<Long> batchIds, String detail, Boolean drifted, Long runId, Long stage1VersionId,
                            Long stage2VersionId, Boolean promoted, Instant startedAt, Instant finishedAt) {

    /** What the step did. */
    public enum Kind {
        /** a file imported as batches */
        IMPORT,
        /** a file that failed to import, moved to rejected/ */
        REJECT,
        /** a file already imported earlier (same bytes), moved to done/ without importing */
        SKIP,
        /** the new batches scored by the active cascade */
        SCORE,
        /** the new batches checked for drift against the earlier ones */
        DRIFT,
        /** what the policy said: an update proposed, or not yet */
        DECISION,
        /** an update launched by the policy, with the promotion gate's result */
        UPDATE
    }

    /** How the step ended; STARTED while it runs, INTERRUPTED when the process died during it. */
    public enum Status {
        STARTED, DONE, SKIPPED, FAILED, INTERRUPTED
    }

    public ScheduleEvent {
        batchIds = List.copyOf(batchIds);
    }

    /** A step about to run (no id yet). */
    public static ScheduleEvent start(Kind kind, String fileName, Long fileSize, String fileHash, List<Long> batchIds,
                                      String detail) {
        return new ScheduleEvent(0, kind, Status.STARTED, fileName, fileSize, fileHash, batchIds, detail, null, null,
                null, null, null, null, null);
    }

    /** The same step with its outcome. */
    public ScheduleEvent finish(Status outcome, String text) {
        return new ScheduleEvent(id, kind, outcome, fileName, fileSize, fileHash, batchIds, text, drifted, runId,
                stage1VersionId, stage2VersionId, promoted, startedAt, finishedAt);
    }

    public ScheduleEvent withBatches(List<Long> ids) {
        return new ScheduleEvent(id, kind, status, fileName, fileSize, fileHash, ids, detail, drifted, runId,
                stage1VersionId, stage2VersionId, promoted, startedAt, finishedAt);
    }

    public ScheduleEvent withDrift(boolean verdict) {
        return new ScheduleEvent(id, kind, status, fileName, fileSize, fileHash, batchIds, detail, verdict, runId,
                stage1VersionId, stage2VersionId, promoted, startedAt, finishedAt);
    }

    /** An update's run, candidates and gate result. */
    public ScheduleEvent withUpdate(Long run, Long stage1, Long stage2, Boolean wasPromoted) {
        return new ScheduleEvent(id, kind, status, fileName, fileSize, fileHash, batchIds, detail, drifted, run,
                stage1, stage2, wasPromoted, startedAt, finishedAt);
    }

    public boolean finished() {
        return status != Status.STARTED;
    }
}
