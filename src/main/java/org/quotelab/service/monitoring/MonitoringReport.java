package org.quotelab.service.monitoring;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.quotelab.domain.drift.BatchDrift;
import org.quotelab.domain.unfamiliar.UnfamiliarShare;
import org.quotelab.domain.drift.Severity;

/**
 * What the Monitoring view shows for the active cascade.
 *
 * @param referenceBatchIds the batches drift is measured against (they get no drift figures themselves)
 * @param drift             figures per batch id, for the batches outside the reference
 * @param explaining        per batch id, the quotes that explain its drift, strongest first
 * @param alpha             level of each batch's tests after Holm's correction; a test alerts when its
 *                          adjusted p is below it and its effect reaches the minor cut-off (ADR 0016)
 * @param shiftAlert        JS distance drawn as a guide line on the drift chart
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

    /** " (1 major, 2 minor)" over the batches that alert; empty when none does. */
    public String severityCounts() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        drift.values().stream().filter(BatchDrift::alert).forEach(d -> counts.merge(d.severity() == null
                ? Severity.MINOR : d.severity(), 1L, Long::sum));
        if (counts.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Severity s : List.of(Severity.MAJOR, Severity.MODERATE, Severity.MINOR)) {
            if (counts.containsKey(s)) {
                parts.add(counts.get(s) + " " + s.label());
            }
        }
        return " (" + String.join(", ", parts) + ")";
    }

    public List<Long> alertBatchIds() {
        return timeline.stream().map(TimelinePoint::batchId)
                .filter(id -> drift.containsKey(id) && drift.get(id).alert()).toList();
    }
}
