package org.quotelab.service.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.imports.QuoteField;
import org.quotelab.store.QuoteStore;

/** The import wizard's one preview: header, first rows and the suggested mapping, without importing. */
class ImportPreviewTest {
    @TempDir
    Path dir;

    @Test
    void previewSuggestsTheMappingOfKnownColumns() throws Exception {
        Path f = Files.writeString(dir.resolve("p.csv"), "quote_id,quote_text,mystery\nq1,one,x\nq2,two,y\nq3,three,z\n");
        try (QuoteStore store = QuoteStore.open(dir.resolve("quotes"))) {
            ImportPreview p = new ImportService(store, "tester").preview(f, 2);
            assertEquals(List.of("quote_id", "quote_text", "mystery"), p.header());
            assertEquals(2, p.rows().size());
            assertEquals(QuoteField.EXTERNAL_ID, p.suggested().get("quote_id"));
            assertEquals(QuoteField.TEXT, p.suggested().get("quote_text"));
            assertEquals(0, store.quotes().count(), "nothing imported");
        }
    }
}
