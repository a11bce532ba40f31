package org.quotelab.service.continual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.domain.cascade.LabelledText;
import org.quotelab.domain.continual.PromotionGate;
import org.quotelab.ml.train.BertModels;
import org.quotelab.ml.train.TrainingConfig;
import org.quotelab.ml.train.FineTuneListener;
import org.quotelab.service.cascade.CascadeConfig;
import org.quotelab.service.cascade.CascadeTrainer;
import org.quotelab.service.cascade.Construction;

/** A tiny cascade and labelled daily CSV files for the update tests (also used by the crash child). */
final class ContinualFixture {

    private ContinualFixture() {
    }

    static TrainingConfig tinyConfig() {
        return TrainingConfig.builder().epochs(1).batchSize(8).learningRate(1e-3).seed(5).build();
    }

    static UpdateSettings tinySettings() {
        return new UpdateSettings(BertModels.TINY, tinyConfig(), tinyConfig(), 10, 5);
    }

    static ContinualUpdater.Request request(String strategy, PromotionGate gate) {
        return new ContinualUpdater.Request(List.of(), Strategy.parse(strategy).withReplay(20,
                org.quotelab.domain.continual.ReplayMemory.Selection.RESERVOIR), tinySettings(), gate);
    }

    static void trainCascade(Path out) throws IOException {
        TrainingConfig t = tinyConfig();
        CascadeConfig cfg = new CascadeConfig(BertModels.TINY, t, t, Construction.SEED, 2, 0.2, 5, null);
        new CascadeTrainer(new FineTuneListener() { }, p -> { }, ComputeDevice.AUTO).train(quotes(40, 3, 0), cfg, out, () -> false);
    }

    /** Labelled quotes; {@code slang} > 0 adds a new phrasing to that share of them. */
    static List<LabelledText> quotes(int n, long seed, double slang) {
        String[][] topics = {
            {"battery", "the battery died after %d days", "battery life is only %d hours"},
            {"screen", "the screen cracked after %d weeks", "display is too dim at %d percent"},
            {"delivery", "delivery took %d days", "the parcel arrived %d days late"},
        };
        String[] off = {"I bought it for my son %d", "we went to the park on day %d", "my cousin has %d cats"};
        Random rnd = new Random(seed);
        List<LabelledText> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String prefix = rnd.nextDouble() < slang ? "ngl tbh lol " : "";
            if (i % 4 == 3) {
                out.add(new LabelledText(prefix + String.format(off[rnd.nextInt(3)], rnd.nextInt(30)), false, null));
            } else {
                String[] t = topics[i % 3];
                out.add(new LabelledText(prefix + String.format(t[1 + rnd.nextInt(2)], 1 + rnd.nextInt(30)), true, t[0]));
            }
        }
        return out;
    }

    /** Writes a labelled day file the store's importer reads (quote_id, quote_text, label, topic). */
    static Path writeDay(Path dir, String name, List<LabelledText> quotes) throws IOException {
        StringBuilder csv = new StringBuilder("quote_id,quote_text,label,topic\n");
        for (int i = 0; i < quotes.size(); i++) {
            LabelledText q = quotes.get(i);
            csv.append(name).append('-').append(i).append(',').append(q.text()).append(',')
                    .append(q.inTopic() ? 1 : 0).append(',').append(q.inTopic() ? q.topic() : "").append('\n');
        }
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }
}
