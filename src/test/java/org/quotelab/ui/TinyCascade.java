package org.quotelab.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.service.AppHome;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.FineTuneListener;
import org.quotelab.service.Workbench;
import org.quotelab.service.cascade.CascadeConfig;
import org.quotelab.service.cascade.CascadeTrainer;
import org.quotelab.service.cascade.CascadeVersions;
import org.quotelab.service.cascade.Construction;
import org.quotelab.service.jobs.JobRunner;
import org.quotelab.store.QuoteStore;

/**
 * A tiny cascade trained with the tiny BERT once per test JVM (10-20 s), shared by the UI tests
 * that need real models; and a labelled day of quotes on its topics.
 */
public final class TinyCascade {
    private static Path folder;

    private TinyCascade() {
    }

    public static synchronized Path folder() throws Exception {
        if (folder == null) {
            Path dir = Files.createTempDirectory("quotelab-tiny-cascade");
            TrainingConfig t = TrainingConfig.builder().epochs(1).batchSize(8).learningRate(1e-3).seed(5).build();
            CascadeConfig cfg = CascadeConfig.defaults(BertModels.TINY).withStages(t, t)
                    .withConstruction(Construction.SEED);
            Path out = dir.resolve("cascade");
            new CascadeTrainer(new FineTuneListener() { }, p -> { }, ComputeDevice.AUTO).train(
                    org.quotelab.service.cascade.CascadeTrainerTestAccess.quotes(40, 3), cfg, out, () -> false);
            folder = out;
        }
        return folder;
    }

    /** A workbench on {@code dir}, like the app's. */
    public static Workbench workbench(Path dir) {
        AppHome home = new AppHome(dir.resolve("home"));
        QuoteStore store = QuoteStore.open(home.database());
        return new Workbench(store, home.models(), new JobRunner(Workbench.JOB_THREADS), "tester");
    }

    /** Imports {@code rows} labelled quotes (every fourth out-of-topic) and activates the tiny cascade. */
    public static CascadeVersions.Active prepare(Workbench wb, Path dir, int rows) throws Exception {
        return prepare(wb, dir, rows, folder());
    }

    /** As {@link #prepare(Workbench, Path, int)} with a cascade trained elsewhere (by another JVM). */
    public static CascadeVersions.Active prepare(Workbench wb, Path dir, int rows, Path cascade) throws Exception {
        String[][] topics = {
            {"battery", "the battery died after %d days", "battery life is only %d hours"},
            {"screen", "the screen cracked after %d weeks", "display is too dim at %d percent"},
            {"delivery", "delivery took %d days", "the parcel arrived %d days late"},
        };
        String[] off = {"I bought it for my son %d", "we went to the park on day %d", "my cousin has %d cats"};
        Random rnd = new Random(11);
        StringBuilder csv = new StringBuilder("quote_id,quote_text,label,topic\n");
        for (int i = 0; i < rows; i++) {
            if (i % 4 == 3) {
                csv.append("q").append(i).append(',').append(String.format(off[rnd.nextInt(3)], rnd.nextInt(30)))
                        .append(",0,\n");
            } else {
                String[] t = topics[i % 3];
                csv.append("q").append(i).append(',').append(String.format(t[1 + rnd.nextInt(2)], 1 + rnd.nextInt(30)))
                        .append(",1,").append(t[0]).append('\n');
            }
        }
        Path file = dir.resolve("day-01.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        wb.store().importer().importFile(file, ImportOptions.defaults());
        return new CascadeVersions(wb.store(), wb.predictions().models()).register(cascade, true);
    }
}
