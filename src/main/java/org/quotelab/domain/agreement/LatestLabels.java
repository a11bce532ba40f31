package org.quotelab.domain.agreement;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quotelab.domain.quote.LabelChange;
import org.quotelab.domain.quote.QuoteLabel;

/**
 * Each annotator's own latest label of one quote from its history. An undo is no one's label: it
 * takes back the change it reverts, so that annotator's previous label counts again; an undo that
 * is itself undone puts the change back. A change that clears the label leaves its annotator
 * without one.
 */
public final class LatestLabels {

    private LatestLabels() {
    }

    /**
     * {@code history}: the changes of one quote in any order. Returns annotator to label, in the
     * order the annotators last labelled (latest first); annotators without a label are absent.
     */
    public static Map<String, QuoteLabel> of(List<LabelChange> history) {
        List<LabelChange> latestFirst = history.stream()
                .sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
        // an undo reverts an older change, so walking from the latest, every undo of a change is
        // seen (and known to be in force or not) before the change itself
        Set<Long> undone = new HashSet<>();
        Set<String> seen = new HashSet<>();
        Map<String, QuoteLabel> out = new LinkedHashMap<>();
        for (LabelChange c : latestFirst) {
            if (undone.contains(c.id())) {
                continue;
            }
            if (c.undoOf() != null) {
                undone.add(c.undoOf());
                continue;
            }
            if (seen.add(c.changedBy()) && c.newLabel() != null) {
                out.put(c.changedBy(), c.newLabel());
            }
        }
        return out;
    }
}
