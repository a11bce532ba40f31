package org.quotelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.quotelab.service.training.SingleFineTune;
import picocli.CommandLine;

/** {@code --recipe} presets of {@code quotelab train}, and explicit options over them. */
class TrainRecipeOptionsTest {

    private static TrainCommand parse(String... extra) {
        TrainCommand c = new TrainCommand();
        String[] base = {"--data", "quotes.csv", "--out", "v1"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void theReferenceRecipeIsThePlainPyTorchFineTune() {
        TrainCommand c = parse("--recipe", "reference");
        SingleFineTune.Settings s = c.settings();
        assertEquals("mean", s.pooling());
        assertEquals(0.1, s.dropout());
        assertEquals(5e-5, s.learningRate());
        assertEquals(0.01, s.weightDecay());
        assertEquals(0.1, s.warmup());
        assertEquals(16, s.batchSize());
        assertEquals(3, s.epochs());
        assertEquals("buckets", s.padding());
        assertEquals("none", s.classWeights());
        assertEquals(0, s.headEpochs());
        assertEquals(42, s.seed());
        // every training row, so the last epoch is the one kept
        assertEquals(0.0, c.validationFraction());
    }

    @Test
    void lpFtAndClsHoldoutKeepTheirDocumentedValues() {
        TrainCommand lp = parse("--recipe", "lp-ft");
        assertEquals("cls", lp.settings().pooling());
        assertEquals(3, lp.settings().headEpochs());
        assertEquals(1e-2, lp.settings().headLearningRate());
        assertEquals(5e-5, lp.settings().learningRate());
        assertEquals(0.1, lp.validationFraction());
        TrainCommand cls = parse("--recipe", "CLS-HOLDOUT");
        assertEquals("cls", cls.settings().pooling());
        assertEquals(3e-5, cls.settings().learningRate());
        assertEquals("macro_f1", cls.settings().selectBy());
        assertEquals(0.1, cls.validationFraction());
    }

    @Test
    void explicitOptionsOverrideThePreset() {
        TrainCommand c = parse("--recipe", "reference", "--lr", "2e-5", "--pooling", "cls", "--seed", "7",
                "--validation-fraction", "0.2", "--class-weights", "sqrt");
        SingleFineTune.Settings s = c.settings();
        assertEquals(2e-5, s.learningRate());
        assertEquals("cls", s.pooling());
        assertEquals(7, s.seed());
        assertEquals("sqrt", s.classWeights());
        assertEquals(0.2, c.validationFraction());
        // the values not given stay the preset's
        assertEquals(0.01, s.weightDecay());
        assertEquals(3, s.epochs());
    }

    @Test
    void withoutRecipeTheProductDefaultApplies() {
        TrainCommand c = parse();
        assertEquals(SingleFineTune.preset(null).settings(), c.settings());
        assertEquals(SingleFineTune.preset(null).validationFraction(), c.validationFraction());
    }

    @Test
    void anUnknownRecipeNamesTheKnownOnes() {
        TrainCommand c = parse("--recipe", "fancy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::settings);
        assertTrue(e.getMessage().contains("fancy"), e.getMessage());
        assertTrue(e.getMessage().contains("reference"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
