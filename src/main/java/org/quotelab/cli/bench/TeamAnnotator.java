package org.quotelab.cli.bench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quotelab.cli.Json;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.LabelWrite;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.domain.quote.TopicCount;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One annotator of {@code bench team}, in its own JVM with its own store connection: it reads
 * the quotes a page at a time and labels the ones assigned to it (quote i goes to annotators
 * i mod n and i+1 mod n, so every quote has two), each write against the version its page showed.
 * A conflict is counted and re-decided against the label the conflict shows: the annotator writes
 * its own judgement again, against the version the conflict reported (a confirmation when both
 * agree, an overwrite when not), so the history holds every annotator's latest label per quote.
 */
@Command(name = "team-annotator", hidden = true, description = "One annotator session of bench team.")
final class TeamAnnotator implements Callable<Integer> {
    static final int PAGE = 200;

    @Option(names = "--db", required = true)
    String db;

    @Option(names = "--index", required = true)
    int index;

    @Option(names = "--of", required = true)
    int of;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String name = "annotator-" + (index + 1);
        Map<String, Object> r = new LinkedHashMap<>();
        try (QuoteStore store = QuoteStore.open(StoreLocation.postgres(db, System.getenv(), null))) {
            List<String> topics = store.labels().topics().stream().map(TopicCount::topic).toList();
            long attempts = 0;
            long saved = 0;
            long conflicts = 0;
            long sameAsTheirs = 0;
            long start = System.currentTimeMillis();
            long after = 0;
            long position = 0;
            for (boolean more = true; more; ) {
                Page<QuoteRow> page = store.quotes().review(QuoteFilter.all(), after, PAGE);
                for (QuoteRow row : page.items()) {
                    long i = position++;
                    if (i % of != index && (i + 1) % of != index) {
                        continue;
                    }
                    QuoteLabel mine = decide(row.quote().id(), index, topics);
                    long version = row.labelVersion();
                    for (int tries = 0; tries < 10; tries++) {
                        attempts++;
                        LabelWrite w = store.labels().set(row.quote().id(), mine, LabelSource.EXPERT, name, version);
                        if (w instanceof LabelWrite.Saved) {
                            saved++;
                            break;
                        }
                        LabelWrite.Conflict k = (LabelWrite.Conflict) w;
                        conflicts++;
                        if (mine.equals(k.theirs())) {
                            sameAsTheirs++;
                        }
                        version = k.version();
                    }
                }
                after = page.nextAfterId();
                more = page.hasMore();
            }
            r.put("annotator", name);
            r.put("attempts", attempts);
            r.put("saved", saved);
            r.put("conflicts", conflicts);
            r.put("conflicts_with_same_label", sameAsTheirs);
            r.put("start_ms", start);
            r.put("end_ms", System.currentTimeMillis());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(Json.MAPPER.writeValueAsString(r));
        out.flush();
        return 0;
    }

    /**
     * The annotator's label of a quote: a "true" class from the quote id, which each annotator
     * gives in about 80 % of quotes and otherwise another class, both by a fixed hash.
     */
    static QuoteLabel decide(long quoteId, int annotator, List<String> topics) {
        int classes = topics.size() + 1;
        if (classes < 2) {
            return QuoteLabel.outOfTopic();
        }
        int truth = (int) Math.floorMod(mix(quoteId), classes);
        long h = mix(quoteId * 31 + annotator + 1);
        int chosen = Math.floorMod(h, 10) < 8 ? truth : (truth + 1 + (int) Math.floorMod(h >>> 8, classes - 1)) % classes;
        return chosen == 0 ? QuoteLabel.outOfTopic() : QuoteLabel.inTopic(topics.get(chosen - 1));
    }

    private static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
