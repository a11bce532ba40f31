package org.quotelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.ml.versions.ModelFolders;
import org.quotelab.ml.versions.ModelVersions;
import org.quotelab.service.AppHome;
import org.quotelab.service.projects.SchemaService;
import org.quotelab.store.QuoteStore;
import org.quotelab.ui.TinyCascade;

/** `export-hf --model DIR` names the outputs as the store's project schema does, like the Models view's export. */
class ExportHfCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        return QuoteLabCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aStoredVersionGetsTheSchemaNamesAndAFolderNoStoreKnowsKeepsItsLabels() throws Exception {
        AppHome home = new AppHome(dir.resolve("home"));
        Path cascade = home.models().resolve("tiny-cascade");
        java.nio.file.Files.createDirectories(home.models());
        ModelFolders.copyTree(TinyCascade.folder(), cascade);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "cascade", "score", "--home", home.root().toString(), "--activate",
                cascade.toString()), err.toString());
        List<String> labels = ModelVersions.labels(cascade.resolve("stage2")).labels();
        String topic = labels.stream().filter(l -> !"0".equals(l)).findFirst().orElseThrow();
        try (QuoteStore store = QuoteStore.open(home.database())) {
            SchemaService schema = new SchemaService(store);
            schema.add(labels.stream().filter(l -> !"0".equals(l)).toList());
            schema.rename(topic, "Battery life");
        }

        // no --home: the data folder whose models folder holds the version is found
        Path named = dir.resolve("named");
        assertEquals(0, run(out, err, "export-hf", "--model", cascade.resolve("stage2").toString(),
                "--out", named.toString()), err.toString());
        JsonNode config = new ObjectMapper().readTree(named.resolve(ModelVersions.CONFIG).toFile());
        int index = labels.indexOf(topic);
        assertEquals("Battery life", config.get("id2label").get(Integer.toString(index)).asText(), config.toString());
        assertEquals(index, config.get("label2id").get("Battery life").asInt());
        assertEquals(topic, config.get("quotelab_label_ids").get(Integer.toString(index)).asText());
        assertTrue(out.toString().contains("with topic names"), out.toString());

        Path stage1 = dir.resolve("stage1");
        assertEquals(0, run(out, err, "export-hf", "--home", home.root().toString(), "--model",
                cascade.resolve("stage1").toString(), "--out", stage1.toString()), err.toString());
        JsonNode config1 = new ObjectMapper().readTree(stage1.resolve(ModelVersions.CONFIG).toFile());
        assertEquals("in-topic", config1.get("id2label").get(
                Integer.toString(ModelVersions.labels(cascade.resolve("stage1")).labels().indexOf("1"))).asText());

        // a folder outside every data folder is copied with the labels it has
        Path plain = dir.resolve("plain");
        assertEquals(0, run(out, err, "export-hf", "--model", TinyCascade.folder().resolve("stage2").toString(),
                "--out", plain.toString()), err.toString());
        JsonNode config2 = new ObjectMapper().readTree(plain.resolve(ModelVersions.CONFIG).toFile());
        assertEquals(topic, config2.get("id2label").get(Integer.toString(index)).asText());
    }
}
