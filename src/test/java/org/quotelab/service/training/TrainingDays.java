package org.quotelab.service.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.quotelab.domain.imports.ImportOptions;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.service.cascade.CascadeConfig;
import org.quotelab.service.cascade.Construction;
import org.quotelab.store.QuoteStore;

/** Labelled days of quotes on three topics (every fourth out-of-topic) and a tiny 1-epoch recipe. */
public final class TrainingDays {

    private TrainingDays() {
    }

    /** Tiny BERT, 1 epoch per stage, seed construction: a whole cascade in seconds. */
    public static FineTuneRequest tinyRequest(Stages stages) {
        TrainingConfig t = TrainingConfig.builder().epochs(1).batchSize(8).learningRate(1e-3).seed(5).build();
        return new FineTuneRequest(stages, CascadeConfig.defaults(BertModels.TINY).withStages(t, t)
                .withConstruction(Construction.SEED), DeviceChoice.CPU);
    }

    public static void importDay(QuoteStore store, Path dir, String name, int rows, long seed) throws IOException {
        String[][] topics = {
            {"battery", "the battery died after %d days", "battery life is only %d hours"},
            {"screen", "the screen cracked after %d weeks", "display is too dim at %d percent"},
            {"delivery", "delivery took %d days", "the parcel arrived %d days late"},
        };
        String[] off = {"I bought it for my son %d", "we went to the park on day %d", "my cousin has %d cats"};
        Random rnd = new Random(seed);
        StringBuilder csv = new StringBuilder("quote_id,quote_text,label,topic\n");
        for (int i = 0; i < rows; i++) {
            csv.append(name).append('-').append(i).append(',');
            if (i % 4 == 3) {
                csv.append(String.format(off[rnd.nextInt(3)], rnd.nextInt(30))).append(",0,\n");
            } else {
                String[] t = topics[i % 3];
                csv.append(String.format(t[1 + rnd.nextInt(2)], 1 + rnd.nextInt(30))).append(",1,").append(t[0])
                        .append('\n');
            }
        }
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        store.importer().importFile(file, ImportOptions.defaults());
    }
}
