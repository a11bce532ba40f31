package org.quotelab.service.monitoring;

import java.util.List;
import java.util.Map;
import org.quotelab.domain.drift.BatchDrift;
import org.quotelab.domain.unfamiliar.UnfamiliarShare;

/**
 * What the Monitoring view shows for the active cascade.
 *
 * @param referenceBatchIds the batches drift is measured against (they get no drift figures themselves)
 * @param drift             figures per batch id, for the batches outside the reference
 * @param explaining        per batch id, the quotes that explain its drift, strongest first
 * @param alpha             significance level of the MMD (and KS) test: p below it is an alert
 * @param shiftAlert        JS distance / PSI from which a prediction or label shift is an alert
 * @param unfamiliar        per batch id, the share of quotes flagged as unfamiliar (batches whose
 *                          quotes all have an unknown score are absent)
 */
public record MonitoringReport(String cascade, List<TimelinePoint> timeline, List<Long> referenceBatchIds,
                               Map<Long, BatchDrift> drift, Map<Long, List<ExplainingQuote>> explaining,
                               ForgettingMatrix matrix, double alpha, double shiftAlert,
                               Map<Long, UnfamiliarShare> unfamiliar) {

    public MonitoringReport(String cascade, List<TimelinePoint> timeline, List<Long> referenceBatchIds,
                            Map<Long, BatchDrift> drift, Map<Long, List<ExplainingQuote>> explaining,
                            ForgettingMatrix matrix, double alpha, double shiftAlert) {
        this(cascade, timeline, referenceBatchIds, drift, explaining, matrix, alpha, shiftAlert, Map.of());
    }

    /** The moderate level of {@link org.quotelab.domain.drift.DistributionShift.Level}. */
    public static final double SHIFT_ALERT = 0.1;

    public MonitoringReport {
        timeline = List.copyOf(timeline);
        referenceBatchIds = List.copyOf(referenceBatchIds);
        drift = Map.copyOf(drift);
        explaining = Map.copyOf(explaining);
        unfamiliar = Map.copyOf(unfamiliar);
    }

    /** Batches holding clearly more unfamiliar quotes than the cut-off lets through of in-domain ones. */
    public List<Long> unfamiliarAlertBatchIds() {
        return timeline.stream().map(TimelinePoint::batchId)
                .filter(id -> unfamiliar.containsKey(id) && unfamiliar.get(id).alert()).toList();
    }

    public List<Long> alertBatchIds() {
        return timeline.stream().map(TimelinePoint::batchId)
                .filter(id -> drift.containsKey(id) && drift.get(id).alert()).toList();
    }
}
