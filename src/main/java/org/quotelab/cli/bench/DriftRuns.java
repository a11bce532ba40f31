package org.quotelab.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.quotelab.cli.bench.DriftBenchData.Quote;
import org.quotelab.domain.drift.DriftTest;
import org.quotelab.domain.drift.ProportionIntervals;
import org.quotelab.domain.drift.Severity;
import org.quotelab.service.continual.DriftCheck;
import org.quotelab.service.continual.DriftReport;

/**
 * The streams of {@code bench drift}, each batch through {@link DriftCheck} with cached embeddings
 * and probabilities. Every rate goes out with its n and a Wilson interval.
 */
final class DriftRuns {

    /** The seen-reference contrast and the day checks run on the first few shuffles only: they cost a check each. */
    static final int SEEN_REFERENCE_SEEDS = 2;
    static final int DAY_SEEDS = 3;

    private final Function<List<String>, float[][]> embeddings;
    private final Function<List<String>, float[][]> probabilities;
    private final List<String> labelOrder;
    private final DriftCheck.Settings settings;

    DriftRuns(Function<List<String>, float[][]> embeddings, Function<List<String>, float[][]> probabilities,
              List<String> labelOrder, DriftCheck.Settings settings) {
        this.embeddings = embeddings;
        this.probabilities = probabilities;
        this.labelOrder = labelOrder;
        this.settings = settings;
    }

    private DriftReport check(String name, DriftCheck.Sample reference, List<Quote> current, long seed) {
        DriftCheck.Settings s = new DriftCheck.Settings(settings.maxSample(), settings.permutations(), settings.alpha(),
                settings.correction(), settings.explain(), seed, settings.minModelSample());
        return new DriftCheck(embeddings::apply, s).check(name, reference, unseen(current), probabilities, 1.0,
                labelOrder);
    }

    private static DriftCheck.Sample unseen(List<Quote> quotes) {
        return DriftCheck.Sample.allUnseen(quotes.stream().map(Quote::text).toList(),
                quotes.stream().map(Quote::cls).toList());
    }

    /**
     * Shuffled held-out quotes cut into batches; the first batch is the reference. Also the same
     * batches against a reference of quotes the classifier trained on, passed off as unseen (what
     * monitoring did before), and the rate without correction and effect sizes.
     */
    void noDrift(List<Quote> held, List<Quote> train, int seeds, int size, Map<String, Object> out, PrintWriter log) {
        Counter honest = new Counter();
        Counter seenRef = new Counter();
        Counter raw = new Counter();
        for (int seed = 1; seed <= seeds; seed++) {
            List<Quote> s = DriftBenchData.shuffled(held, seed);
            DriftCheck.Sample ref = unseen(s.subList(0, size));
            List<Quote> seenSample = DriftBenchData.shuffled(train, seed).subList(0, Math.min(size, train.size()));
            DriftCheck.Sample seen = unseen(seenSample);
            for (int b = 1; (b + 1) * size <= s.size(); b++) {
                List<Quote> batch = s.subList(b * size, (b + 1) * size);
                DriftReport r = check("shuffle " + seed + " batch " + b, ref, batch, seed);
                honest.add(r);
                raw.add(r.tests().stream().anyMatch(t -> t.pValue() < settings.alpha()));
                if (seed <= SEEN_REFERENCE_SEEDS) {
                    seenRef.add(check("seen reference " + seed + " batch " + b, seen, batch, seed));
                }
                if (r.drifted()) {
                    log.printf(Locale.ROOT, "false alarm: %s: %s%n", r.batch(), r.alerts());
                }
            }
            log.printf(Locale.ROOT, "no-drift shuffle %d: %d alarms in %d batches%n", seed, honest.alerts, honest.n);
            log.flush();
        }
        honest.put(out, "false_alarm_rate");
        out.put("false_alarm_severities", honest.severities());
        raw.put(out, "uncorrected_any_test_rate");
        seenRef.put(out, "false_alarm_rate_seen_reference");
        out.put("false_alarm_severities_seen_reference", seenRef.severities());
    }

    /**
     * Each day from the third against the held-out quotes of days 1-2; days from {@code firstPlanted}
     * carry planted drift. Repeated with {@link #DAY_SEEDS} check seeds (subsample and permutations),
     * so n counts day checks, which are not independent.
     */
    List<Map<String, Object>> plantedDays(List<Quote> held, List<Quote> all, int firstPlanted, int seeds,
                                          Map<String, Object> out, PrintWriter log) {
        DriftCheck.Sample ref = unseen(held.stream().filter(q -> q.day() <= 2).toList());
        int lastDay = all.stream().mapToInt(Quote::day).max().orElse(0);
        Counter planted = new Counter();
        Counter before = new Counter();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int day = 3; day <= lastDay; day++) {
            final int d = day;
            List<Quote> batch = held.stream().filter(q -> q.day() == d).toList();
            Counter thisDay = new Counter();
            DriftTest strongest = null;
            for (int seed = 1; seed <= Math.min(seeds, DAY_SEEDS); seed++) {
                DriftReport r = check("day " + d, ref, batch, seed);
                thisDay.add(r);
                (d >= firstPlanted ? planted : before).add(r);
                strongest = seed == 1 ? r.verdict().strongest() : strongest;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", d);
            row.put("planted", d >= firstPlanted);
            row.put("quotes", batch.size());
            row.put("alert_rate", thisDay.rate());
            row.put("severities", thisDay.severities());
            row.put("strongest_seed_1", strongest == null ? null : strongest.sentence());
            rows.add(row);
            log.printf(Locale.ROOT, "day %d%s: %s%n", d, d >= firstPlanted ? " (planted)" : "", thisDay.severities());
            log.flush();
        }
        planted.put(out, "planted_days_detected_rate");
        before.put(out, "days_before_planted_alert_rate");
        return rows;
    }

    /** Batches with one class's share raised by {@code shift}: the commonest topic, and out-of-topic. */
    void synthetic(List<Quote> held, int seeds, int size, double shift, int perSeed, Map<String, Object> out,
                   PrintWriter log) {
        String topic = DriftBenchData.commonestTopic(held);
        Counter topicShift = new Counter();
        Counter ootShift = new Counter();
        Counter both = new Counter();
        for (int seed = 1; seed <= seeds; seed++) {
            List<Quote> s = DriftBenchData.shuffled(held, 1000 + seed);
            DriftCheck.Sample ref = unseen(s.subList(0, size));
            List<Quote> rest = s.subList(size, s.size());
            for (int i = 0; i < perSeed; i++) {
                long k = 100L * seed + i;
                DriftReport a = check("topic shift", ref, DriftBenchData.withShare(rest, topic,
                        DriftBenchData.share(held, topic) + shift, size, k), seed);
                DriftReport b = check("out-of-topic shift", ref, DriftBenchData.withShare(rest,
                        DriftBenchData.OUT_OF_TOPIC, DriftBenchData.share(held, DriftBenchData.OUT_OF_TOPIC) + shift,
                        size, k + 50), seed);
                for (DriftReport r : List.of(a, b)) {
                    if (!r.drifted()) {
                        log.printf(Locale.ROOT, "missed %s: %s%n", r.batch(), r.tests().stream()
                                .map(DriftTest::sentence).toList());
                    }
                }
                topicShift.add(a);
                ootShift.add(b);
                both.add(a);
                both.add(b);
            }
            log.printf(Locale.ROOT, "synthetic shifts, seed %d: %d of %d caught%n", seed, both.alerts, both.n);
            log.flush();
        }
        out.put("synthetic_shift", String.format(Locale.ROOT, "+%.0f points of share for topic %s and for"
                + " out-of-topic", 100 * shift, topic));
        topicShift.put(out, "synthetic_topic_shift_detected_rate");
        out.put("synthetic_topic_shift_severities", topicShift.severities());
        ootShift.put(out, "synthetic_out_of_topic_shift_detected_rate");
        both.put(out, "synthetic_detected_rate");
    }

    /** Alerts among checks, with severities. */
    private static final class Counter {
        int n;
        int alerts;
        final Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);

        void add(DriftReport r) {
            add(r.drifted());
            bySeverity.merge(r.severity(), 1, Integer::sum);
        }

        void add(boolean alert) {
            n++;
            alerts += alert ? 1 : 0;
        }

        double rate() {
            return n == 0 ? Double.NaN : (double) alerts / n;
        }

        Map<String, Integer> severities() {
            Map<String, Integer> m = new LinkedHashMap<>();
            bySeverity.forEach((s, c) -> m.put(s.label(), c));
            return m;
        }

        void put(Map<String, Object> out, String key) {
            ProportionIntervals.Interval w = ProportionIntervals.wilson(alerts, n);
            out.put(key, n == 0 ? null : round(rate()));
            out.put(key + "_ci", List.of(round(w.low()), round(w.high())));
            out.put("n_" + key, n);
        }

        private static double round(double v) {
            return Math.round(v * 10000) / 10000.0;
        }
    }
}
