package org.quotelab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.quotelab.service.FineTuneProgress;

/** A one-line progress bar redrawn with \r, and one line per finished epoch. */
final class TrainingProgress implements FineTuneProgress {

    private static final int WIDTH = 30;
    private final PrintWriter out;
    private double smoothedRate;
    private double smoothedLoss = Double.NaN;

    TrainingProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onStep(Step p) {
        // Exponential smoothing keeps the figures readable as batches change length.
        smoothedRate = smoothedRate == 0 ? p.samplesPerSecond() : 0.9 * smoothedRate + 0.1 * p.samplesPerSecond();
        if (!p.skipped()) {
            smoothedLoss = Double.isNaN(smoothedLoss) ? p.loss() : 0.9 * smoothedLoss + 0.1 * p.loss();
        }
        int filled = (int) Math.round(WIDTH * (double) p.step() / p.totalSteps());
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        out.print(String.format(Locale.ROOT, "\repoch %d/%d [%s] %d/%d loss %.4f lr %.2e %.1f samples/s%s",
                p.epoch(), p.epochs(), bar, p.step(), p.totalSteps(), smoothedLoss, p.learningRate(), smoothedRate,
                p.skippedSteps() > 0 ? " skipped " + p.skippedSteps() : ""));
        out.flush();
    }

    @Override
    public void onEpoch(Epoch s) {
        String validation = s.validation() == null ? "" : String.format(Locale.ROOT,
                " | validation accuracy %.4f macro-F1 %.4f", s.validation().accuracy(), s.validation().macro().f1());
        out.println(String.format(Locale.ROOT, "%nepoch %d/%d done in %.0f s, mean loss %.4f%s%s", s.epoch(),
                s.epochs(), s.seconds(), s.meanLoss(), validation, kept(s)));
        out.flush();
    }

    /** Without a hold-out there is no best epoch: the fine-tune keeps its last. */
    private static String kept(Epoch s) {
        if (s.validation() == null) {
            return s.epoch() == s.epochs() ? " (kept: last epoch, no hold-out)" : "";
        }
        return s.best() ? " (best so far)" : "";
    }
}
