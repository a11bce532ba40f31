package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.quotelab.domain.imports.ExportFormat;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.domain.quote.Prediction;
import org.quotelab.domain.quote.Quote;
import org.quotelab.store.StoreFixture.StoreKind;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ExportRoundTripTest {
    @Parameter
    StoreKind kind;

    private static final String SEED = "Unnamed: 0,country_id,country_name,product_id,product_category,review_id,"
            + "review_text,quote_text,quote_id,topic_id,label,processed_text\n"
            + "0,FR,France,P1,phones,R1,\"Long review, with \"\"quotes\"\"\nand lines\",Battery ok,q1,2,1,battery ok\n"
            + "1,DE,Germany,P2,audio,R2,Short,Hi,q2,0,0,hi\n"
            + "2,,,,,,,Unlabelled \u00e9t\u00e9 \u2603,q3,,,\n";

    @TempDir
    Path dir;

    @Test
    void importExportImportGivesTheSameContent() throws Exception {
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        try (QuoteStore a = StoreFixture.open(kind, dir.resolve("a"))) {
            a.importer().importFile(StoreFixture.write(dir, "day-01.csv", SEED), ImportOptions.defaults());
            assertEquals(3, a.exporter().exportLabels(first, ExportFormat.CSV, false));
        }
        try (QuoteStore b = StoreFixture.open(kind, dir.resolve("b"))) {
            b.importer().importFile(first, ImportOptions.defaults().withSplitGroups(true));
            assertEquals("day-01", b.batches().list().get(0).day());
            Quote q1 = b.quotes().page(null, 0, 10).items().get(0);
            assertEquals("Long review, with \"quotes\"\nand lines", q1.metadata().reviewText());
            b.exporter().exportLabels(second, ExportFormat.CSV, false);
        }
        assertEquals(Files.readString(first), Files.readString(second));
        assertTrue(Files.readString(first).contains("q3,Unlabelled \u00e9t\u00e9 \u2603,,,,day-01"));
        // the topic's id and its schema name travel together
        assertTrue(Files.readString(first).contains("q1,battery ok,1,2,topic 2,day-01"), Files.readString(first));
    }

    @Test
    void predictionsAndLabelsAsJsonLines() throws Exception {
        try (QuoteStore s = StoreFixture.open(kind, dir)) {
            s.importer().importFile(StoreFixture.write(dir, "d.csv", SEED), ImportOptions.defaults());
            ModelVersion v1 = s.models().create(1, null, "m1", "{}", "{}");
            List<Quote> qs = s.quotes().page(null, 0, 10).items();
            s.predictions().saveAll(List.of(
                    new Prediction(qs.get(0).id(), v1.id(), null, 0.75, Map.of(), 1, null, 0.75),
                    new Prediction(qs.get(1).id(), v1.id(), null, 0.25, Map.of(), 0, null, 0.75)));
            Path out = dir.resolve("p.jsonl");
            assertEquals(2, s.exporter().exportPredictions(out, ExportFormat.JSONL, v1.id(), null));
            List<String> lines = Files.readAllLines(out);
            assertEquals(2, lines.size());
            JsonNode n = new ObjectMapper().readTree(lines.get(0));
            assertEquals("q1", n.get("quote_id").asText());
            assertEquals(0.75, n.get("p_in_topic").asDouble());
            assertTrue(n.get("stage2_version_id").isNull());
            assertTrue(n.get("topic_probabilities").isObject());

            Path labels = dir.resolve("l.jsonl");
            assertEquals(2, s.exporter().exportLabels(labels, ExportFormat.JSONL, true));
            JsonNode l = new ObjectMapper().readTree(Files.readAllLines(labels).get(0));
            assertEquals("2", l.get("topic").asText());
            assertEquals("IMPORTED", l.get("label_source").asText());
        }
    }
}
