package org.quotelab.service;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.imports.ImportListener;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.LabelMap;
import org.quotelab.ml.versions.ModelFolders;
import org.quotelab.ml.versions.ModelVersions;
import org.quotelab.ml.versions.Provenance;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.store.QuoteStore;

/**
 * Main class of the child JVMs that {@link KillNineTest} kills with SIGKILL. Each holds the data
 * folder's store, as the app does, and works in a loop, printing progress so the parent knows
 * when to kill. "save HOME": saves tiny BERT versions v1, v2, ... into the models folder;
 * "import HOME FILE": imports the file.
 */
public final class KillChild {

    private KillChild() {
    }

    public static void main(String[] args) throws Exception {
        AppHome home = new AppHome(Path.of(args[1]));
        try (QuoteStore store = QuoteStore.open(home.database())) {
            if ("save".equals(args[0])) {
                saveForever(home.models());
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

    private static void saveForever(Path models) throws IOException {
        TrainingConfig cfg = TrainingConfig.builder().seed(1).build();
        LabelMap labels = new LabelMap(List.of("0", "1"));
        Provenance provenance = new Provenance("tiny", null, "x", 1, 1, cfg.asMap(), Map.of(), labels.labels(),
                "stage1", Map.of(), "now", 1);
        try (ClassifierModel model = BertModels.open(BertModels.TINY, 2, cfg, ComputeDevice.AUTO)) {
            int saved = 0;
            for (int i = 1; ; i++) {
                if (Files.exists(models.resolve("v" + i))) {
                    continue; // saved by an earlier child that the test killed
                }
                if (saved == 2) {
                    // the third save stops between its last file and its publishing rename, so the
                    // kill lands inside a save whatever the machine's load
                    ModelFolders.writeAtomically(models.resolve("v" + i), dir -> {
                        ModelVersions.writeVersion(model, labels, provenance, dir);
                        System.out.println("inside save 3");
                        System.out.flush();
                        sleepForever();
                    });
                }
                ModelVersions.save(model, labels, provenance, models.resolve("v" + i));
                System.out.println("saved " + ++saved);
                System.out.flush();
            }
        }
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A labelled CSV of {@code rows} quotes for the import child. */
    static Path bigCsv(Path file, int rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("quote_id,quote_text,label,topic\n");
            for (int i = 0; i < rows; i++) {
                w.write("k" + i + ",\"the battery of unit " + i + " died after a week\",1,battery\n");
            }
        }
        return file;
    }
}
