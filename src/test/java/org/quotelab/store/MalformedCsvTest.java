package org.quotelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.quotelab.domain.imports.ImportException;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.domain.quote.LabelSource;
import org.quotelab.domain.quote.QuoteLabel;
import org.quotelab.store.StoreFixture.StoreKind;

/** A corpus of broken files: each is refused with its own message naming file, line and column, and changes nothing. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedCsvTest {
    @Parameter
    StoreKind kind;

    private static final String H = StoreFixture.SHARED_HEADER + "\n";
    private static final String BASELINE = H + "b1,Battery lasts long,1,BATTERY,d1\nb2,Hello there,0,,d1\nb3,Unlabelled,,,d1\n";
    private static final String S = "quote_id,quote_text,processed_text,label,topic_id,sbert_embedding\n";
    private static final String SEED_HEADER = "Unnamed: 0,country_id,country_name,product_id,product_category,"
            + "review_id,review_text,quote_text,quote_id,topic_id,label,processed_text\n";

    Path dir;
    QuoteStore store;
    String baseline;
    final Set<String> messages = new HashSet<>();

    record Case(String file, byte[] content, long line, String column, String fragment, boolean split) {
        @Override
        public String toString() {
            return file;
        }
    }

    @BeforeParameterizedClassInvocation(injectArguments = false)
    void setUp(@TempDir Path tmp) throws Exception {
        dir = tmp;
        messages.clear();
        store = StoreFixture.open(kind, dir);
        store.importer().importFile(StoreFixture.write(dir, "baseline.csv", BASELINE), ImportOptions.defaults());
        long q = store.quotes().page(null, 0, 1).items().get(0).id();
        store.labels().set(q, QuoteLabel.inTopic("SCREEN"), LabelSource.EXPERT, "tester");
        baseline = StoreFixture.snapshot(store);
    }

    @AfterParameterizedClassInvocation(injectArguments = false)
    void tearDown() {
        store.close();
    }

    static Stream<Case> corpus() {
        List<Case> c = new ArrayList<>();
        c.add(text("empty.csv", "", 1, "1", "the file is empty"));
        c.add(text("header-only.csv", H, 2, "1", "header but no rows"));
        c.add(text("no-text-column.csv", "quote_id,label\nq1,1\n", 1, null, "missing required column for TEXT"));
        c.add(text("no-id-column.csv", "quote_text,label\nhi,1\n", 1, null, "missing required column for EXTERNAL_ID"));
        c.add(text("unknown-column.csv", "quote_id,quote_text,colour\nq1,hi,red\n", 1, "3 'colour'", "unknown column 'colour'"));
        c.add(text("duplicate-header.csv", "quote_id,quote_text,label,LABEL\nq1,hi,1,1\n", 1, "4 'LABEL'", "duplicate column name"));
        c.add(text("unnamed-middle-column.csv", "quote_id,,quote_text\nq1,x,hi\n", 1, "2 ''", "has no name"));
        c.add(text("two-topic-columns.csv", "quote_id,quote_text,topic,topic_id\nq1,hi,,\n", 1, "4 'topic_id'", "maps to TOPIC"));
        c.add(text("empty-text.csv", H + "q1,,1,A,g\n", 2, "2 'quote_text'", "quote text is empty"));
        c.add(text("blank-text.csv", H + "q1,ok,1,A,g\nq2,   ,1,A,g\n", 3, "2 'quote_text'", "quote text is empty"));
        c.add(text("empty-id.csv", H + "q1,ok,1,A,g\n  ,hello,1,A,g\n", 3, "1 'quote_id'", "quote id is empty"));
        c.add(text("label-two.csv", H + "q1,hi,2,A,g\n", 2, "3 'label'", "not '2'"));
        c.add(text("label-word.csv", H + "q1,hi,yes,,g\n", 2, "3 'label'", "not 'yes'"));
        c.add(text("label-float.csv", H + "q1,hi,1.0,A,g\n", 2, "3 'label'", "not '1.0'"));
        c.add(text("label-negative.csv", H + "q1,hi,-1,,g\n", 2, "3 'label'", "not '-1'"));
        c.add(text("label0-with-topic.csv", H + "q1,hi,0,FOOD,g\n", 2, "4 'topic'", "cannot have topic 'FOOD'"));
        c.add(text("topic-without-label.csv", H + "q1,hi,,FOOD,g\n", 2, "4 'topic'", "label is empty"));
        c.add(text("too-few-fields.csv", H + "q1,hi,1\n", 2, "4 'topic'", "has 3 fields but the header has 5"));
        c.add(text("too-many-fields.csv", H + "q1,hi,1,A,g,extra\n", 2, "6", "header only 5"));
        c.add(text("unterminated-quote.csv", H + "q1,ok,1,A,g\nq2,\"never closed,1,A,g\nq3,x,1,A,g\n", 3, "2 'quote_text'", "never closed"));
        c.add(text("text-after-quote.csv", H + "q1,\"hi\"x,1,A,g\n", 2, "2 'quote_text'", "after a closing quote"));
        c.add(bytes("invalid-utf8.csv", H + "q1,ok,1,A,g\nq2,caf", new byte[] {(byte) 0xFF}, "e,1,A,g\n", 3, "2 'quote_text'", "byte 0xFF"));
        c.add(bytes("truncated-utf8.csv", H + "q1,caf", new byte[] {(byte) 0xC3}, ",1,A,g\n", 2, "2 'quote_text'", "byte 0xC3"));
        c.add(bytes("overlong-utf8.csv", H + "q1,a", new byte[] {(byte) 0xC0, (byte) 0xAF}, ",1,A,g\n", 2, "2 'quote_text'", "byte 0xC0"));
        c.add(bytes("latin1.csv", H + "q1,ok,1,A,g\nq2,ok,1,", new byte[] {(byte) 0xE9}, "t\u00e9,g\n", 3, "4 'topic'", "byte 0xE9"));
        c.add(bytes("surrogate-utf8.csv", H + "q1,ok,1,A,", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\n", 2, "5 'group'", "byte 0xED"));
        c.add(text("text-too-long.csv", H + "q1," + "a".repeat(10_001) + ",1,A,g\n", 2, "2 'quote_text'", "limit of 10000"));
        c.add(text("id-too-long.csv", H + "q".repeat(201) + ",hi,1,A,g\n", 2, "1 'quote_id'", "limit of 200"));
        c.add(text("topic-too-long.csv", H + "q1,hi,1," + "T".repeat(201) + ",g\n", 2, "4 'topic'", "limit of 200"));
        c.add(text("review-too-long.csv", SEED_HEADER + "0,FR,France,P1,phones,R1," + "r".repeat(100_001)
                + ",hi,q1,1,1,hi\n", 2, "7 'review_text'", "limit of 100000"));
        c.add(text("nul-in-text.csv", H + "q1,bad\u0000byte,1,A,g\n", 2, "2 'quote_text'", "NUL character"));
        c.add(text("duplicate-id.csv", H + "q1,a,1,A,g\nq2,b,1,A,g\nq1,c,1,A,g\n", 4, "quote_id", "first seen on line 2, again on line 4"));
        c.add(new Case("duplicate-id-across-groups.csv", (H + "q0,a,1,A,g1\nq1,a,1,A,g1\nq2,b,1,A,g2\nq1,c,1,A,g3\n")
                .getBytes(StandardCharsets.UTF_8), 5, "quote_id", "first seen on line 3", true));
        c.add(text("multiline-record-bad-label.csv", H + "q1,ok,1,A,g\nq2,\"first\nsecond\nthird\",x,,g\n", 3, "3 'label'", "not 'x'"));
        c.add(text("seed-processed-and-raw-empty.csv", SEED_HEADER + "0,FR,France,P1,phones,R1,r,,q1,0,0,\n", 2, "12 'processed_text'", "quote text is empty"));
        c.add(text("seed-bad-label.csv", SEED_HEADER + "0,FR,France,P1,phones,R1,r,hi,q1,0,true,hi\n", 2, "11 'label'", "not 'true'"));
        StringBuilder big = new StringBuilder(H);
        for (int i = 0; i < 4_500; i++) {
            big.append("id").append(i).append(",Quote number ").append(i).append(",1,A,g\n");
        }
        big.append("late,,1,A,g\n");
        c.add(text("bad-row-after-flushes.csv", big.toString(), 4_502, "2 'quote_text'", "quote text is empty"));
        c.add(text("reimport.csv", BASELINE, 0, null, "already imported"));
        // the seed pipeline's shape: float topic ids, both texts, a quoted embedding
        c.add(text("seed-topic-word.csv", S + "s1,Ok,ok,1,602.0,\"[0.1, 0.2]\"\ns2,Hi,hi,1,abc,\"[0.1, 0.2]\"\n",
                3, "5 'topic_id'", "whole number (0 = no topic), not 'abc'"));
        c.add(text("seed-topic-fraction.csv", S + "s1,Ok,ok,1,602.5,\"[0.1]\"\n", 2, "5 'topic_id'", "not '602.5'"));
        c.add(text("seed-topic-negative.csv", S + "s1,Ok,ok,1,-3.0,\"[0.1]\"\n", 2, "5 'topic_id'", "not '-3.0'"));
        c.add(text("seed-label1-zero-topic.csv", S + "s1,Ok,ok,0,0.0,\"[0.1]\"\ns2,Hi,hi,1,0.0,\"[0.1]\"\n",
                3, "5 'topic_id'", "needs a topic, but topic '0.0' means no topic"));
        c.add(text("seed-label1-no-topic.csv", S + "s1,Hi,hi,1,,\"[0.1]\"\n", 2, "5 'topic_id'", "the topic is empty"));
        c.add(text("seed-label0-real-topic.csv", S + "s1,Hi,hi,0,602.0,\"[0.1]\"\n", 2, "5 'topic_id'",
                "cannot have topic '602.0'"));
        c.add(text("seed-unquoted-embedding.csv", S + "s1,Ok,ok,1,602.0,\"[0.1]\"\ns2,Hi,hi,1,602.0,[0.1, 0.2]\n",
                3, "7", "has 7 fields but the header only 6"));
        c.add(text("seed-original-too-long.csv", S + "s1," + "a".repeat(12_000) + ",short,1,602.0,\"[0.1]\"\n",
                2, "2 'quote_text'", "limit of 10000"));
        c.add(text("seed-processed-too-long.csv", S + "s1,short," + "a".repeat(10_001) + ",1,602.0,\"[0.1]\"\n",
                2, "3 'processed_text'", "limit of 10000"));
        c.add(text("seed-unterminated-last-row.csv", S + "s1,Ok,ok,1,602.0,\"[0.1]\"\ns2,\"Ok\nok\",ok,1,602.0,\"[0.1]\"\n"
                + "s3,Ok,ok,1,602.0,\"[0.1, 0.2\n", 5, "6 'sbert_embedding'", "never closed"));
        c.add(text("no-text-column-seed.csv", "id,label,topic_id\n1,1,602.0\n", 1, null,
                "no column is named 'quote_text' or 'processed_text'"));
        c.add(text("blank-lines-only.csv", "\n\r\n   \n\n", 1, null, "the file is empty: it has only blank lines"));
        c.add(bytes("picture.png", "", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
            'I', 'H', 'D', 'R', (byte) 0xFF, (byte) 0xFE}, "", 1, null, "not a CSV text file: it is a PNG image"));
        c.add(bytes("binary.csv", "", new byte[] {1, 2, 3, (byte) 0xC8, 0, 0, 7, 9, 10, 0}, "", 1, null,
                "not a CSV text file: it contains binary data"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedWithLocationAndStoreUnchanged(Case k) throws Exception {
        Path f = StoreFixture.writeBytes(dir, k.file(), k.content());
        ImportException e = assertThrows(ImportException.class,
                () -> store.importer().importFile(f, ImportOptions.defaults().withSplitGroups(k.split())));
        String msg = e.getMessage();
        assertTrue(msg.startsWith(k.file()), msg);
        assertTrue(msg.contains(k.fragment()), msg);
        assertEquals(k.line(), e.error().line(), msg);
        if (k.line() > 0) {
            assertTrue(msg.contains("line " + k.line()), msg);
        }
        assertEquals(k.column(), e.error().column(), msg);
        if (k.column() != null) {
            assertTrue(msg.contains("column " + k.column()), msg);
        }
        assertTrue(messages.add(e.error().line() + "|" + e.error().column() + "|" + e.error().message()),
                "same message as another case: " + msg);
        assertEquals(baseline, StoreFixture.snapshot(store));
    }

    @Test
    void corpusIsLargeEnough() {
        assertTrue(corpus().count() >= 30);
    }

    private static Case text(String file, String content, long line, String column, String fragment) {
        return new Case(file, content.getBytes(StandardCharsets.UTF_8), line, column, fragment, false);
    }

    private static Case bytes(String file, String head, byte[] bad, String tail, long line, String column, String fragment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(tail.getBytes(StandardCharsets.ISO_8859_1));
        return new Case(file, out.toByteArray(), line, column, fragment, false);
    }
}
