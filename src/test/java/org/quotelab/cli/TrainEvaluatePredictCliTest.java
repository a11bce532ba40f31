package org.quotelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quotelab train / evaluate / predict end to end on a generated CSV with the tiny random BERT. */
class TrainEvaluatePredictCliTest {

    @TempDir
    Path dir;

    private static final String[][] WORDS = {
        {"music", "decor", "cozy", "noisy", "view"},
        {"pizza", "pasta", "tasty", "bland", "dessert"},
        {"waiter", "staff", "rude", "friendly", "slow"},
    };
    private static final String[] TOPICS = {"AMBIENCE", "FOOD", "SERVICE"};

    private Path csv() throws Exception {
        Random r = new Random(4);
        List<String> lines = new ArrayList<>(List.of("quote_text,label,topic,group"));
        for (int i = 0; i < 150; i++) {
            int t = r.nextInt(4);
            String text = t == 3 ? "we went there on a tuesday evening" + " again".repeat(r.nextInt(3))
                    : "the " + WORDS[t][r.nextInt(5)] + " was really " + WORDS[t][r.nextInt(5)];
            String group = i < 110 ? "day1" : "day2";
            lines.add("\"" + text + "\"," + (t == 3 ? 0 : 1) + "," + (t == 3 ? "" : TOPICS[t]) + "," + group);
        }
        Path f = dir.resolve("quotes.csv");
        Files.write(f, lines);
        return f;
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QuoteLabCli.run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    @Test
    void trainEvaluateAndPredictATopicModel() throws Exception {
        Path data = csv();
        Path model = dir.resolve("topic-v1");
        String trained = run("train", "--data", data.toString(), "--label-column", "topic", "--filter-column",
                "group", "--train-values", "day1", "--eval-values", "day2", "--out", model.toString(), "--base", "tiny",
                "--epochs", "4", "--batch-size", "8", "--lr", "3e-3", "--max-length", "32", "--class-weights",
                "sqrt");
        assertTrue(trained.contains("\repoch 1/4 ["), "progress bar");
        assertTrue(trained.contains("macro avg"), "classification report");
        assertTrue(Files.exists(model.resolve("provenance.json")));

        String json = run("evaluate", "--model", model.toString(), "--data", data.toString(), "--label-column",
                "topic", "--filter-column", "group", "--values", "day2", "--json");
        JsonNode report = new ObjectMapper().readTree(json);
        for (String key : List.of("accuracy", "macro_f1", "weighted_f1", "per_class")) {
            assertTrue(report.has(key), key);
        }
        assertEquals(3, report.get("per_class").size());
        assertTrue(report.get("per_class").get("FOOD").has("precision"));
        assertTrue(report.get("accuracy").asDouble() > 0.4, json);
        assertEquals("external file", report.get("scope").asText());
        long evaluated = 0;
        for (JsonNode c : report.get("per_class")) {
            evaluated += c.get("support").asLong();
        }
        assertEquals(evaluated, report.get("n_accuracy").asLong());
        assertEquals(2, report.get("accuracy_ci").size());
        assertTrue(report.has("macro_f1_ci") && report.has("n_macro_f1"));
        assertEquals(2, report.get("weighted_f1_ci").size());
        assertEquals(evaluated, report.get("n_weighted_f1").asLong());
        assertTrue(report.get("per_class").get("FOOD").has("f1_ci"));
        assertTrue(report.get("per_class").get("FOOD").has("n_recall"));

        Path predictions = dir.resolve("predictions.csv");
        run("predict", "--model", model.toString(), "--data", data.toString(), "--out", predictions.toString());
        List<String> rows = Files.readAllLines(predictions);
        assertEquals(151, rows.size());
        assertEquals("row,text,predicted,confidence,p_AMBIENCE,p_FOOD,p_SERVICE,unfamiliar,unfamiliar_flag",
                rows.get(0));
        // train fitted the feature statistics on its rows, with the cut-off from its validation split
        assertTrue(Files.exists(model.resolve("feature_statistics.safetensors")));
        int flagged = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            String flag = cells[cells.length - 1];
            assertTrue(flag.equals("0") || flag.equals("1"), row);
            assertTrue(Double.parseDouble(cells[cells.length - 2]) >= 0, row);
            flagged += Integer.parseInt(flag);
        }
        assertTrue(flagged < 150, "not every in-domain row is unfamiliar: " + flagged);

        // a version without statistics: the columns are there, the score is unknown (empty), never an error
        Files.delete(model.resolve("feature_statistics.safetensors"));
        Path unknown = dir.resolve("unknown.csv");
        String said = run("predict", "--model", model.toString(), "--data", data.toString(), "--out", unknown.toString());
        assertTrue(said.contains("unfamiliar: unknown"), said);
        List<String> bare = Files.readAllLines(unknown);
        assertEquals(rows.get(0), bare.get(0));
        assertTrue(bare.get(1).endsWith(",,"), bare.get(1));

        Path hf = dir.resolve("hf");
        run("export-hf", "--model", model.toString(), "--out", hf.toString());
        assertTrue(Files.exists(hf.resolve("model.safetensors")));
        assertTrue(Files.readString(hf.resolve("config.json")).contains("\"id2label\""));
    }
}
