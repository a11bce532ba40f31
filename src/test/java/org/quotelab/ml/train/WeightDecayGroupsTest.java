package org.quotelab.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ai.djl.nn.Parameter;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quotelab.ml.model.ClassifierModel;
import org.quotelab.ml.model.ComputeDevice;

/**
 * AdamW decays exactly the parameters Hugging Face's Trainer decays: every weight (embedding tables
 * and the head included), no bias and no LayerNorm weight or bias, named the transformers way.
 */
class WeightDecayGroupsTest {

    @Test
    void decayFollowsTheHuggingFaceGroupsOnEveryParameterOfTheClassifier() throws Exception {
        for (boolean clsPooler : new boolean[] {true, false}) {
            TrainingConfig cfg = TrainingConfig.builder().clsPooler(clsPooler).build();
            try (ClassifierModel model = BertModels.open(BertModels.TINY, 2, cfg, ComputeDevice.CPU)) {
                Map<Parameter, Boolean> decay = new IdentityHashMap<>();
                for (TrainableParameter p : TrainableParameter.of(model.net().block())) {
                    decay.put(p.parameter(), p.decay());
                }
                Map<String, Parameter> named = model.hfParameters();
                assertEquals(named.size(), decay.size(), "every trainable parameter has a transformers name");
                named.forEach((name, p) -> {
                    Boolean decays = decay.get(p);
                    assertNotNull(decays, name + " is not trained");
                    boolean expected = !(name.endsWith(".bias") || name.contains("LayerNorm"));
                    assertEquals(expected, decays, name);
                });
            }
        }
    }
}
