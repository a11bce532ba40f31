package org.quotelab.ml.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.ml.bert.BertConfig;

class BertConfigTest {

    @TempDir
    Path dir;

    @Test
    void writtenConfigReadsBack() throws IOException {
        Path f = dir.resolve("config.json");
        BertConfig.miniLmL6().write(f, 4);
        assertEquals(BertConfig.miniLmL6(), BertConfig.read(f));
        assertTrue(Files.readString(f).contains("\"num_labels\" : 4"));
    }

    @Test
    void bertBaseStyleConfigIsUnderstood() throws IOException {
        Path f = dir.resolve("config.json");
        Files.writeString(f, "{\"architectures\":[\"BertForMaskedLM\"],\"attention_probs_dropout_prob\":0.1,"
                + "\"hidden_act\":\"gelu\",\"hidden_dropout_prob\":0.1,\"hidden_size\":768,"
                + "\"initializer_range\":0.02,\"intermediate_size\":3072,\"layer_norm_eps\":1e-12,"
                + "\"max_position_embeddings\":512,\"model_type\":\"bert\",\"num_attention_heads\":12,"
                + "\"num_hidden_layers\":12,\"pad_token_id\":0,\"type_vocab_size\":2,\"vocab_size\":30522}");
        BertConfig c = BertConfig.read(f);
        assertEquals(768, c.hiddenSize());
        assertEquals(64, c.headSize());
        assertEquals(1e-12f, c.layerNormEps());
    }

    @Test
    void unsupportedOrIncompleteConfigsAreRefusedClearly() throws IOException {
        Path f = dir.resolve("config.json");
        Files.writeString(f, "{\"hidden_act\":\"relu\",\"vocab_size\":10}");
        assertTrue(assertThrows(IOException.class, () -> BertConfig.read(f)).getMessage().contains("hidden_act 'relu'"));
        Files.writeString(f, "{\"vocab_size\":10,\"hidden_size\":32}");
        assertTrue(assertThrows(IOException.class, () -> BertConfig.read(f)).getMessage()
                .contains("missing or non-integer field 'num_hidden_layers'"));
        Files.writeString(f, "{\"vocab_size\":10,\"hidden_size\":30,\"num_hidden_layers\":1,\"num_attention_heads\":4,"
                + "\"intermediate_size\":8,\"max_position_embeddings\":16}");
        assertTrue(assertThrows(IOException.class, () -> BertConfig.read(f)).getMessage()
                .contains("not a multiple of num_attention_heads"));
        Files.writeString(f, "{not json");
        assertTrue(assertThrows(IOException.class, () -> BertConfig.read(f)).getMessage().contains("cannot read BERT config"));
    }
}
