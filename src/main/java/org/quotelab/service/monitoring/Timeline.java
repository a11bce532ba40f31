package org.quotelab.service.monitoring;

import java.util.ArrayList;
import java.util.List;
import org.quotelab.domain.quote.Batch;

/** Per-batch measured and estimated accuracy of one cascade, in batch order. */
final class Timeline {

    private Timeline() {
    }

    /** @param quotes the batches' quotes, in the order of {@code batches} */
    static List<TimelinePoint> of(List<Batch> batches, List<List<ScoredQuote>> quotes) {
        List<TimelinePoint> out = new ArrayList<>(batches.size());
        int earlierCorrect = 0;
        int earlierLabelled = 0;
        for (int j = 0; j < batches.size(); j++) {
            Batch b = batches.get(j);
            int labelled = 0;
            int correct = 0;
            int unlabelled = 0;
            double confUnlabelled = 0;
            double confAll = 0;
            int scored = 0;
            for (ScoredQuote q : quotes.get(j)) {
                if (q.prediction() != null) {
                    scored++;
                    confAll += q.prediction().confidence();
                    if (q.label() == null) {
                        unlabelled++;
                        confUnlabelled += q.prediction().confidence();
                    }
                }
                if (q.evaluable()) {
                    labelled++;
                    correct += q.correct() ? 1 : 0;
                }
            }
            double estimated = unlabelled > 0 ? confUnlabelled / unlabelled : scored > 0 ? confAll / scored : Double.NaN;
            out.add(new TimelinePoint(b.id(), b.seq(), b.day(), quotes.get(j).size(), labelled, unlabelled,
                    ratio(correct, labelled), ratio(earlierCorrect, earlierLabelled), estimated));
            earlierCorrect += correct;
            earlierLabelled += labelled;
        }
        return out;
    }

    static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
