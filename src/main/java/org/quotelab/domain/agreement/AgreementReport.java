package org.quotelab.domain.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.quotelab.domain.metrics.Bootstrap;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteLabel;

/**
 * Agreement between the annotators of a set of quotes: alpha over all of them, per batch and per
 * class (one class against the rest), kappa per pair of annotators, and the quotes whose
 * annotators' latest labels differ. Classes are the values compared ({@link Rating#value()}),
 * class 0 (out-of-topic) first, then the topics by name.
 */
public record AgreementReport(List<String> annotators, List<String> classes, AgreementFigure alpha,
        List<BatchAlpha> batches, List<ClassAlpha> perClass, List<PairKappa> pairs,
        List<Disagreement> disagreements) {

    public record BatchAlpha(long batchId, AgreementFigure alpha) {
    }

    public record ClassAlpha(String value, AgreementFigure alpha) {
    }

    public record PairKappa(String first, String second, AgreementFigure kappa) {
    }

    /** A quote whose annotators' latest labels differ: each annotator's label. */
    public record Disagreement(long quoteId, long batchId, Map<String, QuoteLabel> labels) {
        public Disagreement {
            labels = Map.copyOf(labels);
        }
    }

    public AgreementReport {
        annotators = List.copyOf(annotators);
        classes = List.copyOf(classes);
        batches = List.copyOf(batches);
        perClass = List.copyOf(perClass);
        pairs = List.copyOf(pairs);
        disagreements = List.copyOf(disagreements);
    }

    /** The report of {@code ratings} (each annotator's latest label per quote), intervals from {@code bootstrap}. */
    public static AgreementReport of(List<Rating> ratings, Bootstrap bootstrap) {
        // quotes in id order and labels in annotator order: the same data gives the same intervals
        Map<Long, Map<String, Rating>> byQuote = new TreeMap<>();
        for (Rating r : ratings) {
            byQuote.computeIfAbsent(r.quoteId(), q -> new TreeMap<>()).put(r.annotator(), r);
        }
        List<String> annotators = List.copyOf(new TreeSet<>(ratings.stream().map(Rating::annotator).toList()));
        List<String> classes = ratings.stream().map(Rating::value).distinct()
                .sorted(Comparator.comparing((String v) -> !QuoteFilter.OUT_OF_TOPIC.equals(v)).thenComparing(v -> v))
                .toList();
        Map<String, Integer> code = new TreeMap<>();
        for (int i = 0; i < classes.size(); i++) {
            code.put(classes.get(i), i);
        }
        String tooFew = annotators.size() >= 2 ? null : annotators.isEmpty() ? "no annotator has labelled a quote"
                : "only " + annotators.get(0) + " has labelled: agreement needs two or more annotators";

        List<int[]> units = new ArrayList<>();
        Map<Long, List<int[]>> unitsByBatch = new TreeMap<>();
        List<Disagreement> disagreements = new ArrayList<>();
        for (Map<String, Rating> quote : byQuote.values()) {
            int[] unit = quote.values().stream().mapToInt(r -> code.get(r.value())).toArray();
            Rating any = quote.values().iterator().next();
            units.add(unit);
            unitsByBatch.computeIfAbsent(any.batchId(), b -> new ArrayList<>()).add(unit);
            if (java.util.Arrays.stream(unit).distinct().count() > 1) {
                disagreements.add(new Disagreement(any.quoteId(), any.batchId(), quote.values().stream()
                        .collect(Collectors.toMap(Rating::annotator, Rating::label))));
            }
        }
        AgreementFigure none = tooFew == null ? null : AgreementFigure.none(0, 0, tooFew);
        KrippendorffAlpha.Result all = tooFew != null
                ? new KrippendorffAlpha.Result(none, java.util.Collections.nCopies(classes.size(), none))
                : KrippendorffAlpha.withClasses(units, classes, bootstrap);
        AgreementFigure alpha = all.overall();
        List<BatchAlpha> batches = new ArrayList<>();
        unitsByBatch.forEach((batch, list) -> batches.add(new BatchAlpha(batch, tooFew != null
                ? none : KrippendorffAlpha.nominal(list, classes, bootstrap))));
        List<ClassAlpha> perClass = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            perClass.add(new ClassAlpha(classes.get(c), all.perClass().get(c)));
        }
        return new AgreementReport(annotators, classes, alpha, batches, perClass,
                pairs(annotators, byQuote, code, bootstrap), disagreements);
    }

    private static List<PairKappa> pairs(List<String> annotators, Map<Long, Map<String, Rating>> byQuote,
            Map<String, Integer> code, Bootstrap bootstrap) {
        List<PairKappa> out = new ArrayList<>();
        for (int i = 0; i < annotators.size(); i++) {
            for (int j = i + 1; j < annotators.size(); j++) {
                String a = annotators.get(i);
                String b = annotators.get(j);
                List<Map<String, Rating>> both = byQuote.values().stream()
                        .filter(q -> q.containsKey(a) && q.containsKey(b)).toList();
                int[] x = both.stream().mapToInt(q -> code.get(q.get(a).value())).toArray();
                int[] y = both.stream().mapToInt(q -> code.get(q.get(b).value())).toArray();
                out.add(new PairKappa(a, b, CohenKappa.of(x, y, code.size(), a + " and " + b, bootstrap)));
            }
        }
        return out;
    }

    /** Up to {@code limit} batches with a figure, lowest alpha first: where to look first. */
    public List<BatchAlpha> lowestBatches(int limit) {
        return batches.stream().filter(b -> b.alpha().present())
                .sorted(Comparator.comparingDouble(b -> b.alpha().value())).limit(limit).toList();
    }

    public List<Long> disagreeingQuoteIds() {
        return disagreements.stream().map(Disagreement::quoteId).toList();
    }
}
