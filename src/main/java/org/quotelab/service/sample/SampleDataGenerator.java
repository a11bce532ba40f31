package org.quotelab.service.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes ten daily CSV batches of synthetic product-review quotes in the seed's column format.
 * The stream drifts so continual learning has something to show: the battery topic grows every
 * day; from {@link #DRIFT_DAY} on a new informal phrasing and a new kind of battery complaint
 * appear; on {@link #LAUNCH_DAY} two new products launch. Like real annotated data it is not
 * clean: some out-of-topic quotes name a topic's thing without an opinion, some quotes judge two
 * topics, and a few carry a wrong topic. java.util.Random's algorithm is fixed by its
 * specification, so a seed gives the same bytes on every JDK.
 */
public final class SampleDataGenerator {
    public static final long DEFAULT_SEED = 20_240_601L;
    public static final int DAYS = 10;
    public static final int DRIFT_DAY = 6;
    public static final int LAUNCH_DAY = 7;
    public static final List<String> HEADER = List.of("Unnamed: 0", "country_id", "country_name", "product_id",
            "product_category", "review_id", "review_text", "quote_text", "quote_id", "topic_id", "label",
            "processed_text");
    private static final Logger LOG = LoggerFactory.getLogger(SampleDataGenerator.class);
    private static final double OFF_TOPIC_SHARE = 0.2;
    /** Share of out-of-topic quotes that mention a topic's noun. */
    private static final double NEAR_MISS_SHARE = 0.3;
    /** Share of those that an annotator labelled in-topic anyway. */
    private static final double NEAR_MISS_IN_TOPIC = 0.25;
    /** Share of in-topic quotes that judge two topics. */
    private static final double MIXED_SHARE = 0.1;
    /** Share of in-topic quotes whose annotator picked another topic. */
    private static final double WRONG_TOPIC_SHARE = 0.03;

    /** The topic names of the sample days: topic_id,name, applied to the label schema by the sample import. */
    public static final String TOPIC_NAMES = "topics.csv";

    /**
     * Writes day-01.csv ... day-10.csv into {@code outDir}, and {@link #TOPIC_NAMES} beside them;
     * returns the day files in day order.
     */
    public List<Path> generate(Path outDir, long seed) throws IOException {
        Files.createDirectories(outDir);
        List<Path> files = new ArrayList<>();
        for (int day = 1; day <= DAYS; day++) {
            Path file = outDir.resolve(fileName(day));
            List<List<String>> rows = day(day, seed);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                            .setHeader(HEADER.toArray(String[]::new)).get())) {
                for (List<String> row : rows) {
                    p.printRecord(row);
                }
            }
            LOG.debug("wrote {} ({} quotes)", file, rows.size());
            files.add(file);
        }
        try (Writer w = Files.newBufferedWriter(outDir.resolve(TOPIC_NAMES), StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                        .setHeader("topic_id", "name").get())) {
            for (SampleTopic t : SamplePhrases.TOPICS) {
                p.printRecord(t.id(), t.name());
            }
        }
        return files;
    }

    public static String fileName(int day) {
        return String.format(Locale.ROOT, "day-%02d.csv", day);
    }

    /** The rows of one day; each day has its own random stream so days can be regenerated alone. */
    public List<List<String>> day(int day, long seed) {
        Random rng = new Random(seed * 1_000_003L + day);
        int target = 200 + rng.nextInt(201);
        List<List<String>> rows = new ArrayList<>(target + 3);
        int review = 0;
        while (rows.size() < target) {
            review++;
            SamplePhrases.Product product = product(day, rng);
            String[] country = pick(SamplePhrases.COUNTRIES, rng);
            String reviewId = String.format(Locale.ROOT, "R%02d-%04d", day, review);
            int quotes = 1 + rng.nextInt(3);
            List<String[]> parts = new ArrayList<>(quotes);
            for (int k = 0; k < quotes; k++) {
                parts.add(quote(day, product, rng));
            }
            String reviewText = String.join(" ", parts.stream().map(q -> q[0]).toList());
            for (String[] q : parts) {
                int index = rows.size();
                rows.add(List.of(String.valueOf(index), country[0], country[1], product.id(), product.category(),
                        reviewId, reviewText, q[0], String.format(Locale.ROOT, "d%02d-%05d", day, index), q[1],
                        q[2], processed(q[0])));
            }
        }
        return rows;
    }

    private static SamplePhrases.Product product(int day, Random rng) {
        if (day >= LAUNCH_DAY && rng.nextDouble() < 0.4) {
            return pick(SamplePhrases.LAUNCHED, rng);
        }
        return pick(SamplePhrases.PRODUCTS, rng);
    }

    /** Returns text, topic_id, label. */
    private static String[] quote(int day, SamplePhrases.Product product, Random rng) {
        if (rng.nextDouble() < OFF_TOPIC_SHARE) {
            if (rng.nextDouble() < NEAR_MISS_SHARE) {
                SampleTopic named = topic(day, product, rng);
                String text = fill(pick(SamplePhrases.NEAR_MISS, rng), named, product, rng);
                // annotators disagree on these: some read an opinion into them
                return rng.nextDouble() < NEAR_MISS_IN_TOPIC
                        ? new String[] {text, String.valueOf(named.id()), "1"} : new String[] {text, "0", "0"};
            }
            return new String[] {fill(pick(SamplePhrases.OFF_TOPIC, rng), null, product, rng), "0", "0"};
        }
        SampleTopic topic = topic(day, product, rng);
        if (rng.nextDouble() < MIXED_SHARE) {
            SampleTopic second = other(topic, product, rng);
            String text = pick(SamplePhrases.MIXED, rng).replace("{noun2}", pick(second.nouns(), rng))
                    .replace("{good2}", pick(second.good(), rng)).replace("{bad2}", pick(second.bad(), rng));
            return new String[] {fill(text, topic, product, rng), String.valueOf(labelled(topic, product, rng)), "1"};
        }
        boolean slang = day >= DRIFT_DAY && rng.nextDouble() < 0.15 + 0.05 * (day - DRIFT_DAY);
        List<String> templates = new ArrayList<>(slang ? SamplePhrases.SLANG : SamplePhrases.FORMAL);
        if (!slang) {
            templates.addAll(topic.templates());
        }
        String text = fill(pick(templates, rng), topic, product, rng);
        if (day >= DRIFT_DAY && topic.id() == 1 && text.contains(" ")) {
            // the new battery complaint replaces some ordinary ones
            for (String bad : topic.bad()) {
                if (text.contains(bad) && rng.nextDouble() < 0.5) {
                    text = text.replace(bad, pick(SamplePhrases.BATTERY_RECALL, rng));
                }
            }
        }
        return new String[] {text, String.valueOf(labelled(topic, product, rng)), "1"};
    }

    /** The topic the annotator wrote down: now and then another one of the product's topics. */
    private static int labelled(SampleTopic topic, SamplePhrases.Product product, Random rng) {
        return rng.nextDouble() < WRONG_TOPIC_SHARE ? other(topic, product, rng).id() : topic.id();
    }

    private static SampleTopic other(SampleTopic topic, SamplePhrases.Product product, Random rng) {
        List<Integer> ids = product.topics().stream().filter(id -> id != topic.id()).toList();
        return SamplePhrases.TOPICS.get(pick(ids, rng) - 1);
    }

    /** Battery's weight grows from 1 on day 1 to about 4 on day 10; other topics weigh 1. */
    private static SampleTopic topic(int day, SamplePhrases.Product product, Random rng) {
        double batteryWeight = 1 + 0.35 * (day - 1);
        double total = product.topics().size() - 1 + batteryWeight;
        double r = rng.nextDouble() * total;
        for (int id : product.topics()) {
            r -= id == 1 ? batteryWeight : 1;
            if (r < 0) {
                return SamplePhrases.TOPICS.get(id - 1);
            }
        }
        return SamplePhrases.TOPICS.get(product.topics().get(product.topics().size() - 1) - 1);
    }

    private static String fill(String template, SampleTopic topic, SamplePhrases.Product product, Random rng) {
        String s = template.replace("{product}", product.name());
        if (topic != null) {
            s = s.replace("{noun}", pick(topic.nouns(), rng))
                    .replace("{good}", pick(topic.good(), rng))
                    .replace("{bad}", pick(topic.bad(), rng));
        }
        return Character.isLowerCase(s.charAt(0)) && template.endsWith(".")
                ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
    }

    /** The seed's processed_text: lower case, punctuation removed, single spaces. */
    static String processed(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ");
        return lower.trim().replaceAll(" +", " ");
    }

    private static <T> T pick(List<T> items, Random rng) {
        return items.get(rng.nextInt(items.size()));
    }
}
