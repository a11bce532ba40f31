package org.quotelab.ml.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Word-piece tokenization with explicit settings: truncation to maxTokens (special tokens
 * included) and no padding inside the tokenizer; {@link #pad} pads each batch to its longest
 * member only. The tokenizer.json's own padding/truncation blocks are ignored by DJL, so we
 * never rely on them. Padding positions use id 0 and mask 0; as they are masked out, the id
 * never changes the outputs of real tokens.
 */
public final class QuoteTokenizer implements AutoCloseable {

    public static final int DEFAULT_MAX_TOKENS = 128;
    public static final String BUNDLED_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";

    /** One text's token ids and token-type ids, unpadded. */
    public record Tokens(long[] ids, long[] typeIds) {
        public int length() {
            return ids.length;
        }
    }

    private final HuggingFaceTokenizer tokenizer;
    private final int maxTokens;
    private final byte[] json;

    private QuoteTokenizer(byte[] json, int maxTokens) throws IOException {
        this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), options(maxTokens));
        this.maxTokens = maxTokens;
        this.json = json;
    }

    private static Map<String, String> options(int maxTokens) {
        if (maxTokens < 2) {
            throw new IllegalArgumentException("maxTokens must leave room for [CLS] and [SEP], got " + maxTokens);
        }
        return Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "padding", "false",
                "maxLength", Integer.toString(maxTokens));
    }

    /** The all-MiniLM-L6-v2 tokenizer shipped on the classpath. */
    public static QuoteTokenizer bundled(int maxTokens) throws IOException {
        try (InputStream in = QuoteTokenizer.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IOException("bundled tokenizer " + BUNDLED_RESOURCE + " is not on the classpath");
            }
            return new QuoteTokenizer(in.readAllBytes(), maxTokens);
        }
    }

    /** A Hugging Face tokenizer.json file. */
    public static QuoteTokenizer fromFile(Path tokenizerJson, int maxTokens) throws IOException {
        if (!Files.isRegularFile(tokenizerJson)) {
            throw new IOException("tokenizer file not found: " + tokenizerJson);
        }
        return new QuoteTokenizer(Files.readAllBytes(tokenizerJson), maxTokens);
    }

    /** The tokenizer.json this tokenizer was made from, to copy into an exported model folder. */
    public byte[] tokenizerJson() {
        return json.clone();
    }

    public int maxTokens() {
        return maxTokens;
    }

    public Tokens tokenize(String text) {
        Encoding e = tokenizer.encode(text);
        return new Tokens(e.getIds(), e.getTypeIds());
    }

    public List<Tokens> tokenize(List<String> texts) {
        List<Tokens> out = new ArrayList<>(texts.size());
        if (texts.isEmpty()) {
            return out;
        }
        for (Encoding e : tokenizer.batchEncode(texts)) {
            out.add(new Tokens(e.getIds(), e.getTypeIds()));
        }
        return out;
    }

    /** Pads to the longest member of the batch. */
    public static TokenBatch pad(List<Tokens> batch) {
        int longest = 1;
        for (Tokens t : batch) {
            longest = Math.max(longest, t.length());
        }
        return padTo(batch, longest);
    }

    /** Pads to a fixed length (the benchmark baseline); members must not be longer. */
    public static TokenBatch padTo(List<Tokens> batch, int length) {
        int b = batch.size();
        long[] ids = new long[b * length];
        long[] mask = new long[b * length];
        long[] types = new long[b * length];
        for (int i = 0; i < b; i++) {
            Tokens t = batch.get(i);
            if (t.length() > length) {
                throw new IllegalArgumentException("sequence of " + t.length() + " tokens does not fit in " + length);
            }
            System.arraycopy(t.ids(), 0, ids, i * length, t.length());
            System.arraycopy(t.typeIds(), 0, types, i * length, t.length());
            for (int j = 0; j < t.length(); j++) {
                mask[i * length + j] = 1;
            }
        }
        return new TokenBatch(b, length, ids, mask, types);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
