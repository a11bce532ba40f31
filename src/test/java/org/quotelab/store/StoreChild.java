package org.quotelab.store;

import java.nio.file.Path;
import org.quotelab.domain.imports.ImportListener;
import org.quotelab.domain.imports.ImportOptions;

/**
 * Main class of the child JVMs of the crash and lock tests. "hold DB": open the store and wait;
 * "import DB FILE": import the file, printing progress so the parent knows when to kill.
 */
public final class StoreChild {

    private StoreChild() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[1]);
        try (QuoteStore store = QuoteStore.open(db)) {
            if ("hold".equals(args[0])) {
                System.out.println("open");
                System.out.flush();
                Thread.sleep(60_000);
            } else {
                store.importer().importFile(Path.of(args[2]), ImportOptions.defaults(), new ImportListener() {
                    @Override
                    public void progress(long rows, long bytes) {
                        System.out.println("rows " + rows);
                        System.out.flush();
                    }
                });
                System.out.println("done");
            }
        }
    }
}
