package org.quotelab.service.agreement;

import java.util.Map;
import org.quotelab.domain.agreement.AgreementReport;

/** An agreement report with the day name of each batch it mentions; {@code batchId} null = the whole project. */
public record AgreementSummary(Long batchId, AgreementReport report, Map<Long, String> days) {

    public AgreementSummary {
        days = Map.copyOf(days);
    }

    /** The batch's day name, or its id when the batch is gone. */
    public String day(long batchId) {
        return days.getOrDefault(batchId, "batch " + batchId);
    }
}
