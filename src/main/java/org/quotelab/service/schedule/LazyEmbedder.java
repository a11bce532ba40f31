package org.quotelab.service.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.quotelab.service.continual.Embedder;
import org.quotelab.service.monitoring.MonitoringService;

/**
 * The drift check's sentence encoder, opened at its first use: a pass without new batches, and
 * the app's start, never load it (and so never load the engine).
 */
final class LazyEmbedder implements Embedder, AutoCloseable {
    private final MonitoringService.EmbedderSource source;
    private Embedder open;

    LazyEmbedder(MonitoringService.EmbedderSource source) {
        this.source = source;
    }

    @Override
    public synchronized float[][] embed(List<String> texts) {
        if (open == null) {
            try {
                open = source.open();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the sentence encoder: " + e.getMessage(), e);
            }
        }
        return open.embed(texts);
    }

    @Override
    public synchronized void close() {
        if (open instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // closing frees native memory; nothing to recover
            }
        }
        open = null;
    }
}
