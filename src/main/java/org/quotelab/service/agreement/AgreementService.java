package org.quotelab.service.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quotelab.domain.agreement.AgreementReport;
import org.quotelab.domain.agreement.Rating;
import org.quotelab.domain.metrics.Bootstrap;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.quote.Quote;
import org.quotelab.store.QuoteStore;

/**
 * Agreement between the annotators of the project: each annotator's latest label per quote, from
 * the label history, compared. Reads the store and runs a bootstrap: call it from a job.
 */
public final class AgreementService {
    private final QuoteStore store;
    private final Bootstrap bootstrap;

    public AgreementService(QuoteStore store) {
        this(store, Bootstrap.standard());
    }

    public AgreementService(QuoteStore store, Bootstrap bootstrap) {
        this.store = store;
        this.bootstrap = bootstrap;
    }

    /** The figures for the project, or for batch {@code batchId} (null = every batch). */
    public AgreementSummary report(Long batchId) {
        Map<Long, String> days = new HashMap<>();
        for (Batch b : store.batches().list()) {
            days.put(b.id(), b.day());
        }
        if (batchId != null && !days.containsKey(batchId)) {
            throw new IllegalArgumentException("no batch " + batchId + " in this project (see 'quotelab batches')");
        }
        List<Rating> ratings = store.annotatorLabels().latest(batchId);
        return new AgreementSummary(batchId, AgreementReport.of(ratings, bootstrap), days);
    }

    /** The quotes whose annotators disagree, in quote order, with their text and each annotator's class. */
    public List<DisagreeingQuote> disagreements(AgreementSummary summary) {
        List<AgreementReport.Disagreement> list = summary.report().disagreements();
        Map<Long, Quote> quotes = new HashMap<>();
        for (Quote q : store.quotes().findAll(list.stream().map(AgreementReport.Disagreement::quoteId).toList())) {
            quotes.put(q.id(), q);
        }
        List<DisagreeingQuote> out = new ArrayList<>(list.size());
        for (AgreementReport.Disagreement d : list) {
            Map<String, String> labels = new TreeMap<>();
            d.labels().forEach((who, label) -> labels.put(who, Rating.valueOf(label)));
            Quote q = quotes.get(d.quoteId());
            out.add(new DisagreeingQuote(d.quoteId(), summary.day(d.batchId()), q == null ? "" : q.text(), labels));
        }
        return out;
    }
}
