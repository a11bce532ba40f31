package org.quotelab.service.continual;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.quotelab.domain.continual.ReplayMemory;
import org.quotelab.ml.continual.ContinualTrainer;
import org.quotelab.ml.continual.EwcFisherFile;
import org.quotelab.ml.train.FineTuneListener;
import org.quotelab.ml.train.FineTuneRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns one new batch with a strategy: builds the update's training set (new quotes, a rehearsal
 * sample of the history, the replay memory), continues the current version (or retrains from the
 * base model), and refreshes the replay memory. Shared by the store's update job and stream-eval.
 */
public final class ContinualStep {

    private static final Logger LOG = LoggerFactory.getLogger(ContinualStep.class);

    /** The new version, the refreshed memory, the wall time of the update and its training-set size. */
    public record Result(Path version, ReplayMemory memory, double seconds, int examples) {
    }

    /**
     * What one update needs.
     *
     * @param current      the version to continue (ignored by full retraining)
     * @param labelOrder   the class order of the current version's head
     * @param history      labelled training quotes of earlier batches (rehearsal and full retraining)
     * @param memoryQuotes the quotes the replay memory holds now
     */
    public record Input(Strategy strategy, UpdateSettings settings, String current, List<String> labelOrder,
                        List<LabelledQuote> fresh, List<LabelledQuote> history, ReplayMemory memory,
                        List<LabelledQuote> memoryQuotes, String task) {
    }

    private final FineTuneRun.ModelSource models;
    private final FineTuneListener listener;

    public ContinualStep(FineTuneRun.ModelSource models, FineTuneListener listener) {
        this.models = models;
        this.listener = listener;
    }

    public Result learn(Input in, Path out, BooleanSupplier cancelled) throws IOException {
        long t0 = System.nanoTime();
        Strategy s = in.strategy();
        UpdateSettings st = in.settings();
        ContinualTrainer trainer = new ContinualTrainer(models, listener);
        List<LabelledQuote> set = trainingSet(in);
        String base = s.fullRetrain() ? st.baseModel() : in.current();
        ContinualTrainer.Ewc ewc = null;
        if (s.ewc()) {
            ewc = new ContinualTrainer.Ewc(s.ewcLambda(), s.ewcGamma(), st.fisherSamples());
            Path current = Path.of(in.current());
            if (!EwcFisherFile.exists(current)) {
                // The version was not made by an EWC update: estimate its Fisher on what it learned.
                List<LabelledQuote> old = known(in.history().isEmpty() ? in.memoryQuotes() : in.history(), in);
                LOG.info("estimating the Fisher of {} on {} earlier quotes", current.getFileName(), old.size());
                trainer.ensureFisher(current, texts(old), labels(old), st.fisherSamples(), st.update(), cancelled);
            }
        }
        ContinualTrainer.Request request = new ContinualTrainer.Request(base, in.labelOrder(), texts(set), labels(set),
                s.fullRetrain() ? st.full() : st.update(), ewc, s.asMap(), in.task());
        LOG.info("{} update: {} examples ({} new) from {}", s.name(), set.size(), in.fresh().size(), base);
        trainer.train(request, out, cancelled);
        ReplayMemory memory = in.memory();
        if (s.replay() && memory != null) {
            List<ReplayMemory.Entry> entries = new ArrayList<>();
            for (LabelledQuote q : known(in.fresh(), in)) {
                entries.add(new ReplayMemory.Entry(q.id(), in.labelOrder().indexOf(q.label())));
            }
            memory = memory.offer(entries, st.seed() + memory.seen());
        }
        return new Result(out, memory, (System.nanoTime() - t0) / 1e9, set.size());
    }

    /** New quotes, plus a uniform rehearsal sample of the history, plus the replay memory; or everything for full retraining. */
    static List<LabelledQuote> trainingSet(Input in) {
        Strategy s = in.strategy();
        List<LabelledQuote> set = new ArrayList<>();
        if (s.fullRetrain()) {
            set.addAll(in.history());
            set.addAll(in.fresh());
            return known(set, in);
        }
        set.addAll(in.fresh());
        if (s.rehearsal() && !in.history().isEmpty()) {
            int n = (int) Math.round(in.fresh().size() * s.rehearsalShare() / (1 - s.rehearsalShare()));
            List<LabelledQuote> pool = new ArrayList<>(in.history());
            Collections.shuffle(pool, new Random(in.settings().seed() + in.history().size()));
            set.addAll(pool.subList(0, Math.min(n, pool.size())));
        }
        if (s.replay()) {
            set.addAll(in.memoryQuotes());
        }
        return known(set, in);
    }

    /** Quotes whose label the current head knows; others are left out with a warning (a new class needs full retraining). */
    private static List<LabelledQuote> known(List<LabelledQuote> quotes, Input in) {
        List<LabelledQuote> out = quotes.stream().filter(q -> in.labelOrder().contains(q.label())).toList();
        if (out.size() < quotes.size()) {
            LOG.warn("{} quotes carry a label the model does not know ({}); they are left out",
                    quotes.size() - out.size(), in.labelOrder());
        }
        return out;
    }

    static List<String> texts(List<LabelledQuote> q) {
        return q.stream().map(LabelledQuote::text).toList();
    }

    static List<String> labels(List<LabelledQuote> q) {
        return q.stream().map(LabelledQuote::label).toList();
    }
}
