package org.quotelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.QuoteFilter;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.store.QuoteStore;
import org.quotelab.store.StoreLocation;

/** {@code quotelab agreement} on a store two annotators labelled. */
class AgreementCommandTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QuoteLabCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void printsKappaPerPairAndAlphaWithIntervalsAsJsonAndText() throws Exception {
        Path db = dir.resolve("db").resolve("quotelab");
        long batch;
        try (QuoteStore store = QuoteStore.open(new StoreLocation.H2File(db))) {
            Path f = Files.writeString(dir.resolve("day-01.csv"), "quote_id,quote_text\nq1,a\nq2,b\nq3,c\nq4,d\n");
            batch = store.importer().importFile(f, ImportOptions.defaults()).batches().get(0).id();
            var rows = store.quotes().review(QuoteFilter.all(), 0, 10).items();
            String[][] labels = {{"0", "0"}, {"BATTERY", "BATTERY"}, {"SCREEN", "0"}, {"SCREEN", "SCREEN"}};
            for (int i = 0; i < 4; i++) {
                for (int a = 0; a < 2; a++) {
                    String v = labels[i][a];
                    store.labels().set(rows.get(i).quote().id(), v.equals("0") ? QuoteLabel.outOfTopic()
                            : QuoteLabel.inTopic(v), LabelSource.EXPERT, a == 0 ? "ann" : "bob");
                }
            }
        }
        String[] json = run("agreement", "--db", db.toString(), "--batch", String.valueOf(batch), "--json");
        assertEquals("0", json[0], json[2]);
        JsonNode m = Json.MAPPER.readTree(json[1]);
        assertEquals("day-01", m.get("batch").asText());
        assertEquals(4, m.get("n_alpha").asInt());
        assertEquals(8, m.get("n_values_alpha").asInt());
        assertTrue(m.get("alpha").asDouble() > 0 && m.get("alpha").asDouble() < 1, json[1]);
        assertEquals(2, m.get("alpha_ci").size());
        assertTrue(m.has("kappa_ann_bob") && m.has("kappa_ann_bob_ci") && m.has("n_kappa_ann_bob"), json[1]);
        assertTrue(m.has("alpha_class_0") && m.has("alpha_class_SCREEN"), json[1]);
        assertEquals(1, m.get("disagreeing_quotes").asInt());

        String[] text = run("agreement", "--db", db.toString(), "--disagreements");
        assertEquals("0", text[0], text[2]);
        assertTrue(text[1].contains("kappa ann / bob") && text[1].contains("alpha batch day-01"), text[1]);
        assertTrue(text[1].contains("too few to rely on"), text[1]);
        assertTrue(text[1].contains("{ann=SCREEN, bob=0}"), text[1]);

        String[] bad = run("agreement", "--db", db.toString(), "--batch", "999999");
        assertEquals("1", bad[0]);
        assertTrue(bad[2].contains("no batch 999999"), bad[2]);
    }
}
