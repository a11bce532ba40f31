package org.quotelab.ml.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QuoteTokenizerTest {

    static QuoteTokenizer tokenizer;

    @BeforeAll
    static void open() throws IOException {
        tokenizer = QuoteTokenizer.bundled(16);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void truncatesToMaxTokensKeepingSeparator() {
        QuoteTokenizer.Tokens t = tokenizer.tokenize("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen");
        assertEquals(16, t.length());
        assertEquals(101, t.ids()[0]);
        assertEquals(102, t.ids()[15]);
        assertArrayEquals(new long[] {101, 102}, tokenizer.tokenize("").ids());
    }

    @Test
    void padsToTheLongestMemberOnlyOrToAFixedLength() {
        List<QuoteTokenizer.Tokens> batch = tokenizer.tokenize(List.of("good food", "the staff was very friendly"));
        TokenBatch longest = QuoteTokenizer.pad(batch);
        assertEquals(7, longest.length());
        assertEquals(4 + 7, longest.realTokens());
        assertArrayEquals(new long[] {1, 1, 1, 1, 0, 0, 0}, java.util.Arrays.copyOfRange(longest.attentionMask(), 0, 7));
        assertArrayEquals(new long[] {101, 2204, 2833, 102, 0, 0, 0}, java.util.Arrays.copyOfRange(longest.inputIds(), 0, 7));

        TokenBatch fixed = QuoteTokenizer.padTo(batch, 128);
        assertEquals(128, fixed.length());
        assertEquals(2 * 128, fixed.inputIds().length);
        assertEquals(longest.realTokens(), fixed.realTokens());
        assertThrows(IllegalArgumentException.class, () -> QuoteTokenizer.padTo(batch, 5));
    }

    @Test
    void keepsItsTokenizerJsonForExport() {
        String json = new String(tokenizer.tokenizerJson(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals('{', json.strip().charAt(0));
    }
}
