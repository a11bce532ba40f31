package org.quotelab.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quotelab.ml.model.ComputeDevice;
import org.quotelab.ml.model.ClassifierModel;

class LayerDecayTest {

    @Test
    void lowerLayersGetSmallerRatesAndTheHeadTheFullOne() throws Exception {
        try (ClassifierModel m = BertModels.open(BertModels.TINY, 2, TrainingConfig.defaults(), ComputeDevice.AUTO)) {
            List<TrainableParameter> params = TrainableParameter.of(m.net().block());
            double[] s = LayerDecay.scales(params, 0.5);
            int layers = 0;
            for (TrainableParameter p : params) {
                layers = Math.max(layers, LayerDecay.layerOf(p.name()) + 1);
            }
            assertTrue(layers >= 2, "layers found in " + params.stream().map(TrainableParameter::name).toList());
            for (int i = 0; i < params.size(); i++) {
                String name = params.get(i).name();
                int layer = LayerDecay.layerOf(name);
                double expected = layer >= 0 ? Math.pow(0.5, layers - 1 - layer)
                        : name.contains("embeddings") ? Math.pow(0.5, layers) : 1.0;
                assertEquals(expected, s[i], 1e-12, name);
                if (name.contains("classifier") || name.contains("pooler")) {
                    assertEquals(1.0, s[i], 1e-12, name);
                }
            }
            assertTrue(params.stream().anyMatch(p -> p.name().contains("embeddings")));
            assertNull(LayerDecay.scales(params, 1.0));
        }
    }

    @Test
    void adamWScalesEachParametersStep() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(new float[] {1f});
            NDArray b = manager.create(new float[] {1f});
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            List<TrainableParameter> params = List.of(param("a", a), param("b", b));
            try (AdamW adam = new AdamW(manager, 0.9, 0.999, 1e-8, 0.0);
                 GradientCollector c = Engine.getInstance().newGradientCollector();
                 NDManager s = manager.newSubManager()) {
                c.backward(a.add(b).sum());
                c.close();
                // Adam's first step moves each weight by its learning rate: 0.1 and 0.1 * 0.5.
                adam.step(params, 0.1, 1.0, s, new double[] {1.0, 0.5});
            }
            assertEquals(0.9, a.getFloat(0), 1e-5);
            assertEquals(0.95, b.getFloat(0), 1e-5);
        }
    }

    private static TrainableParameter param(String name, NDArray array) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optArray(array).build();
        return new TrainableParameter(name, p, true);
    }
}
