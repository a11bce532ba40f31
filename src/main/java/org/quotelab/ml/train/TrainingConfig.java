package org.quotelab.ml.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.quotelab.ml.text.PaddingMode;

/**
 * Hyper-parameters of one fine-tune. Defaults follow the seed's Hugging Face Trainer recipe
 * (3 epochs, batch 16, lr in 2e-5..5e-5, weight decay 0.01, 10 % warm-up, best epoch kept).
 */
public record TrainingConfig(
        int epochs,
        int batchSize,
        double learningRate,
        double weightDecay,
        double warmupFraction,
        double maxGradNorm,
        int maxLength,
        long seed,
        double dropout,
        double beta1,
        double beta2,
        double epsilon,
        double focalGamma,
        ClassWeighting classWeighting,
        double[] explicitClassWeights,
        SelectionMetric selectionMetric,
        PaddingMode paddingMode,
        int evalBatchSize,
        boolean clsPooler,
        double layerDecay,
        int headEpochs,
        double headLearningRate,
        double consistency,
        double epochHoldOut) {

    public TrainingConfig {
        require(epochs >= 1, "epochs must be >= 1");
        require(batchSize >= 1, "batch size must be >= 1");
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be > 0");
        require(weightDecay >= 0, "weight decay must be >= 0");
        require(warmupFraction >= 0 && warmupFraction < 1, "warm-up fraction must be in [0, 1)");
        require(maxLength >= 2, "max length must be >= 2");
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1)");
        require(focalGamma >= 0, "focal gamma must be >= 0");
        require(evalBatchSize >= 1, "eval batch size must be >= 1");
        require(layerDecay > 0 && layerDecay <= 1, "layer-wise learning-rate decay must be in (0, 1]");
        require(headEpochs >= 0, "head epochs must be >= 0");
        require(headLearningRate > 0 && Double.isFinite(headLearningRate), "head learning rate must be > 0");
        require(consistency >= 0 && Double.isFinite(consistency), "R-Drop alpha must be >= 0");
        require(epochHoldOut >= 0 && epochHoldOut < 0.5, "epoch hold-out must be in [0, 0.5)");
        explicitClassWeights = explicitClassWeights == null ? null : explicitClassWeights.clone();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public static TrainingConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.weightDecay = weightDecay;
        b.warmupFraction = warmupFraction;
        b.maxGradNorm = maxGradNorm;
        b.maxLength = maxLength;
        b.seed = seed;
        b.dropout = dropout;
        b.beta1 = beta1;
        b.beta2 = beta2;
        b.epsilon = epsilon;
        b.focalGamma = focalGamma;
        b.classWeighting = classWeighting;
        b.explicitClassWeights = explicitClassWeights;
        b.selectionMetric = selectionMetric;
        b.paddingMode = paddingMode;
        b.evalBatchSize = evalBatchSize;
        b.clsPooler = clsPooler;
        b.layerDecay = layerDecay;
        b.headEpochs = headEpochs;
        b.headLearningRate = headLearningRate;
        b.consistency = consistency;
        b.epochHoldOut = epochHoldOut;
        return b;
    }

    /** The values recorded in a version's provenance. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", epochs);
        m.put("batch_size", batchSize);
        m.put("learning_rate", learningRate);
        m.put("weight_decay", weightDecay);
        m.put("warmup_fraction", warmupFraction);
        m.put("max_grad_norm", maxGradNorm);
        m.put("max_length", maxLength);
        m.put("seed", seed);
        m.put("dropout", dropout);
        m.put("adam_beta1", beta1);
        m.put("adam_beta2", beta2);
        m.put("adam_epsilon", epsilon);
        m.put("focal_gamma", focalGamma);
        m.put("class_weighting", classWeighting.name().toLowerCase(java.util.Locale.ROOT));
        m.put("explicit_class_weights", explicitClassWeights);
        m.put("selection_metric", selectionMetric.name().toLowerCase(java.util.Locale.ROOT));
        m.put("padding", paddingMode.name().toLowerCase(java.util.Locale.ROOT));
        m.put("pooling", clsPooler ? "cls_pooler" : "mean");
        m.put("layer_lr_decay", layerDecay);
        m.put("head_epochs", headEpochs);
        m.put("head_learning_rate", headLearningRate);
        m.put("rdrop_alpha", consistency);
        m.put("epoch_hold_out", epochHoldOut);
        return m;
    }

    /** Mutable builder with the seed's defaults. */
    public static final class Builder {
        private int epochs = 3;
        private int batchSize = 16;
        private double learningRate = 3e-5;
        private double weightDecay = 0.01;
        private double warmupFraction = 0.1;
        private double maxGradNorm = 1.0;
        private int maxLength = 128;
        private long seed = 42;
        private double dropout = 0.1;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;
        private double focalGamma = 0;
        private ClassWeighting classWeighting = ClassWeighting.NONE;
        private double[] explicitClassWeights;
        private SelectionMetric selectionMetric = SelectionMetric.MACRO_F1;
        private PaddingMode paddingMode = PaddingMode.LENGTH_BUCKETS;
        private int evalBatchSize = 64;
        private boolean clsPooler = true;
        private double layerDecay = 1.0;
        private int headEpochs = 0;
        private double headLearningRate = 1e-3;
        private double consistency = 0;
        private double epochHoldOut = 0.1;

        public Builder epochs(int v) { epochs = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder weightDecay(double v) { weightDecay = v; return this; }
        public Builder warmupFraction(double v) { warmupFraction = v; return this; }
        /** 0 or less disables clipping. */
        public Builder maxGradNorm(double v) { maxGradNorm = v; return this; }
        public Builder maxLength(int v) { maxLength = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder dropout(double v) { dropout = v; return this; }
        public Builder betas(double b1, double b2) { beta1 = b1; beta2 = b2; return this; }
        public Builder epsilon(double v) { epsilon = v; return this; }
        /** 0 gives plain cross-entropy; 2 is the usual focal loss. */
        public Builder focalGamma(double v) { focalGamma = v; return this; }
        public Builder classWeighting(ClassWeighting v) { classWeighting = v; return this; }
        public Builder explicitClassWeights(double[] v) {
            explicitClassWeights = v;
            classWeighting = ClassWeighting.EXPLICIT;
            return this;
        }
        public Builder selectionMetric(SelectionMetric v) { selectionMetric = v; return this; }
        public Builder paddingMode(PaddingMode v) { paddingMode = v; return this; }
        public Builder evalBatchSize(int v) { evalBatchSize = v; return this; }
        /**
         * true: BERT's [CLS] pooler as in BertForSequenceClassification (exports compute exactly what
         * transformers computes); false: masked mean pooling, as sentence-transformers trained MiniLM.
         */
        public Builder clsPooler(boolean v) { clsPooler = v; return this; }
        /** Layer-wise learning-rate decay: 1 = one rate for all; d < 1 gives layer i of L the rate x d^(L-1-i). */
        public Builder layerDecay(double v) { layerDecay = v; return this; }
        /**
         * Epochs of a first phase that trains only the pooler and classifier on the frozen encoder
         * (linear probing, then fine-tuning: the head no longer pulls the encoder with random-init
         * gradients); 0 skips it.
         */
        public Builder headEpochs(int v) { headEpochs = v; return this; }
        /** Peak learning rate of the head-only phase. */
        public Builder headLearningRate(double v) { headLearningRate = v; return this; }
        /** R-Drop's alpha (two dropout passes, symmetric KL between them); 0 = one plain pass. */
        public Builder consistency(double v) { consistency = v; return this; }
        /**
         * Share of the training rows a cascade or app fine-tune holds out to pick its best epoch
         * (and to set the unfamiliar cut-off); 0 trains on every row and keeps the last epoch.
         */
        public Builder epochHoldOut(double v) { epochHoldOut = v; return this; }

        public TrainingConfig build() {
            return new TrainingConfig(epochs, batchSize, learningRate, weightDecay, warmupFraction, maxGradNorm,
                    maxLength, seed, dropout, beta1, beta2, epsilon, focalGamma, classWeighting,
                    explicitClassWeights, selectionMetric, paddingMode, evalBatchSize, clsPooler, layerDecay,
                    headEpochs, headLearningRate, consistency, epochHoldOut);
        }
    }
}
