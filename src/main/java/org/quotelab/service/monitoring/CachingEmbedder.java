package org.quotelab.service.monitoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.quotelab.service.continual.Embedder;

/** Remembers embeddings by text, so the reference sample is embedded once per refresh, not once per batch. */
final class CachingEmbedder implements Embedder {
    private final Embedder inner;
    private final Map<String, float[]> cache = new HashMap<>();

    CachingEmbedder(Embedder inner) {
        this.inner = inner;
    }

    @Override
    public float[][] embed(List<String> texts) {
        LinkedHashSet<String> unseen = new LinkedHashSet<>();
        for (String t : texts) {
            if (!cache.containsKey(t)) {
                unseen.add(t);
            }
        }
        List<String> missing = new ArrayList<>(unseen);
        if (!missing.isEmpty()) {
            float[][] e = inner.embed(missing);
            for (int i = 0; i < e.length; i++) {
                cache.put(missing.get(i), e[i]);
            }
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = cache.get(texts.get(i));
        }
        return out;
    }
}
