package org.quotelab.service.agreement;

import java.util.Map;

/** A quote whose annotators' latest labels differ: its text and each annotator's class, by annotator name. */
public record DisagreeingQuote(long quoteId, String day, String text, Map<String, String> labels) {

    public DisagreeingQuote {
        labels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
    }
}
