package org.quotelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.ml.weights.SafetensorsReader;

/** `bench tokens` gives a plain-PyTorch fine-tune QuoteLab's own inputs: token ids, label and group per row. */
class BenchTokensCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyLabelledRowGetsItsTokenIdsLabelAndGroupBesideThePretrainedWeights() throws Exception {
        Path csv = dir.resolve("quotes.csv");
        Files.writeString(csv, "quote_id,quote_text,label,group\n"
                + "a,\"Hello world, the battery died after two days.\",1,early\n"
                + "b,No label on this one,,early\n"
                + "c,The pasta was cold,0,late\n");
        Path out = dir.resolve("tokens");
        CliRun run = CliRun.of("bench", "tokens", "--data", csv.toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());

        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("rows.jsonl"))) {
            rows.add(MAPPER.readTree(line));
        }
        assertEquals(2, rows.size(), "the unlabelled row is left out");
        assertEquals(2, rows.get(0).get("line").asLong());
        assertEquals("early", rows.get(0).get("group").asText());
        assertEquals("1", rows.get(0).get("label").asText());
        List<Long> ids = new ArrayList<>();
        rows.get(0).get("ids").forEach(n -> ids.add(n.asLong()));
        assertEquals(List.of(101L, 7592L, 2088L, 1010L, 1996L, 6046L, 2351L, 2044L, 2048L, 2420L, 1012L, 102L), ids);
        assertEquals(4, rows.get(1).get("line").asLong());
        assertEquals("late", rows.get(1).get("group").asText());
        assertEquals("0", rows.get(1).get("label").asText());

        JsonNode config = MAPPER.readTree(out.resolve("config.json").toFile());
        assertEquals(2, config.get("num_labels").asInt());
        assertFalse(config.get("cls_pooler").asBoolean(), "the reference recipe mean-pools");
        try (SafetensorsReader weights = SafetensorsReader.open(out.resolve("model.safetensors"))) {
            assertTrue(weights.shapes().containsKey("bert.encoder.layer.5.output.dense.weight"),
                    weights.shapes().keySet().toString());
        }
    }
}
