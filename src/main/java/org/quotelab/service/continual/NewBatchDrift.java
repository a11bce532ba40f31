package org.quotelab.service.continual;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.quotelab.domain.continual.ScheduleEvent;
import org.quotelab.domain.continual.ScheduleEvent.Kind;
import org.quotelab.domain.continual.ScheduleEvent.Status;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Quote;
import org.quotelab.ml.infer.LoadedModels;
import org.quotelab.ml.infer.VersionScorer;
import org.quotelab.service.cascade.SeenQuotes;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.store.QuoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule's drift step: new batches against every batch imported before them, with the
 * active stage-1 version's probabilities, through {@link DriftCheck}; the verdict is recorded as
 * a DRIFT event (drifted, and the alerts in words).
 */
final class NewBatchDrift {

    private static final Logger LOG = LoggerFactory.getLogger(NewBatchDrift.class);
    private static final int REFERENCE_POOL = 2000;

    private final QuoteStore store;
    private final DriftCheck check;
    private final ScheduleLog log;
    private final LoadedModels models;

    NewBatchDrift(QuoteStore store, LoadedModels models, DriftCheck check, ScheduleLog log) {
        this.store = store;
        this.models = models;
        this.check = check;
        this.log = log;
    }

    ScheduleEvent check(List<Long> ids, String file) {
        ScheduleEvent started = log.start(ScheduleEvent.start(Kind.DRIFT, file, null, null, ids,
                "checking drift"));
        try {
            int firstSeq = store.batches().list().stream().filter(b -> ids.contains(b.id())).mapToInt(Batch::seq)
                    .min().orElse(Integer.MAX_VALUE);
            List<Long> earlier = store.batches().list().stream().filter(b -> b.seq() < firstSeq).map(Batch::id).toList();
            List<Quote> referenceQuotes = quotes(earlier);
            List<String> reference = referenceQuotes.stream().map(Quote::text).toList();
            List<String> current = quotes(ids).stream().map(Quote::text).toList();
            if (reference.size() < 2 || current.size() < 2) {
                return log.finish(started.finish(Status.SKIPPED,
                        "no earlier batch to compare with: no drift check"));
            }
            CascadeVersions.Active active = new CascadeVersions(store).active().orElseThrow(
                    () -> new IllegalStateException("no active cascade"));
            DriftReport r;
            try (LoadedModels.Lease<VersionScorer> lease = models.version(Path.of(active.stage1().path()))) {
                VersionScorer scorer = lease.model();
                // the model's outputs on the earlier batches are compared only where it did not train:
                // a model is more confident on its own training quotes, which would look like drift
                SeenQuotes.Seen seen = new SeenQuotes(store).of(active.stage1(), active.stage2());
                List<String> unseen = seen.recorded() ? referenceQuotes.stream().filter(q -> !seen.contains(q.id()))
                        .map(Quote::text).toList() : List.of();
                r = check.check(file == null ? String.valueOf(ids) : file,
                        new DriftCheck.Sample(reference, null, unseen), DriftCheck.Sample.allUnseen(current, null),
                        scorer::probabilities, 1.0, scorer.labels().labels());
            }
            String verdict = r.drifted() ? "drift: " + String.join("; ", r.alerts())
                    : "no drift against batches " + earlier;
            LOG.info("schedule: batch {}: {}", ids, verdict);
            return log.finish(started.withDrift(r.drifted()).finish(Status.DONE, verdict));
        } catch (Exception e) {
            LOG.warn("schedule: drift check of batch {} failed", ids, e);
            return log.finish(started.finish(Status.FAILED, "drift check failed: " + e.getMessage()));
        }
    }

    /** Up to a few thousand quotes of the given batches, drawn uniformly (the drift check subsamples again). */
    private List<Quote> quotes(List<Long> batchIds) {
        List<Quote> out = new ArrayList<>();
        for (Long id : batchIds) {
            long after = 0;
            while (true) {
                Page<Quote> page = store.quotes().page(id, after, 1000);
                out.addAll(page.items());
                if (!page.hasMore() || page.items().isEmpty()) {
                    break;
                }
                after = page.nextAfterId();
            }
        }
        if (out.size() > REFERENCE_POOL) {
            Collections.shuffle(out, new Random(7));
            return new ArrayList<>(out.subList(0, REFERENCE_POOL));
        }
        return out;
    }
}
