package org.quotelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.service.cascade.CascadeTrainerTestAccess;
import org.quotelab.ui.TinyCascade;

/** The keys a script checks in `cascade evaluate --json` and `cascade sweep --json`, on the tiny cascade. */
class CascadeJsonKeysTest {

    private static final List<String> FIGURES = List.of("stage1_accuracy", "stage1_out_of_topic_f1", "stage2_macro_f1",
            "class0_recall", "class0_precision", "out_of_topic_recall", "end_to_end_accuracy", "end_to_end_macro_f1",
            "plain_rule_end_to_end_macro_f1", "plain_rule_out_of_topic_recall", "recall_battery",
            "plain_rule_recall_battery");

    private static Path csv(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("quote_text,label,topic\n");
        for (LabelledText q : CascadeTrainerTestAccess.quotes(40, 21)) {
            sb.append('"').append(q.text()).append("\",").append(q.inTopic() ? 1 : 0).append(',')
                    .append(q.inTopic() ? q.topic() : "").append('\n');
        }
        Path f = dir.resolve("test.csv");
        Files.writeString(f, sb, StandardCharsets.UTF_8);
        return f;
    }

    private static JsonNode json(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, QuoteLabCli.run(new PrintWriter(out), new PrintWriter(err), args), err.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void everyFigureCarriesItsIntervalSupportAndScope(@TempDir Path dir) throws Exception {
        Path model = TinyCascade.folder();
        Path data = csv(dir);
        JsonNode e = json("cascade", "evaluate", "--model", model.toString(), "--data", data.toString(), "--json");
        assertEquals("external file", e.get("scope").asText());
        for (String key : FIGURES) {
            assertTrue(e.has(key), key);
            JsonNode ci = e.get(key + "_ci");
            assertTrue(ci != null && ci.isArray() && ci.size() == 2, key + "_ci");
            assertTrue(e.has("n_" + key), "n_" + key);
            if (e.get("n_" + key).asLong() > 0) {
                double v = e.get(key).asDouble();
                assertTrue(ci.get(0).asDouble() <= v + 1e-9 && v <= ci.get(1).asDouble() + 1e-9, key + " " + ci);
            }
        }
        assertEquals(40, e.get("n_end_to_end_accuracy").asLong());
        assertEquals(10, e.get("n_out_of_topic_recall").asLong()); // every fourth quote is out-of-topic
        assertTrue(e.get("end_to_end_per_class").get("battery").has("f1_ci"));

        Path sweep = dir.resolve("sweep.csv");
        JsonNode s = json("cascade", "sweep", "--model", model.toString(), "--data", data.toString(), "--out",
                sweep.toString(), "--objective", "MIN_CLASS0_RECALL", "--bound", "0.5", "--json");
        // ten out-of-topic quotes cannot give 30 class-0 examples: no tuned point, and the count says why
        assertEquals(false, s.get("recommended").asBoolean());
        assertTrue(s.get("reason").asText().contains("class-0 examples, fewer than 30"), s.get("reason").asText());
        assertEquals(0.5, s.get("threshold").asDouble());
        for (String key : List.of("end_to_end_macro_f1", "plain_rule_end_to_end_macro_f1", "plain_rule_recall_screen")) {
            assertTrue(s.has(key) && s.has(key + "_ci") && s.has("n_" + key), key);
        }
        assertTrue(Files.exists(sweep));
    }
}
