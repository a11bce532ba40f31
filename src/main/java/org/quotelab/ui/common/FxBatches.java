package org.quotelab.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Hands items produced on a job thread to the FX thread in batches: at most one hand-over waits
 * for the FX thread at a time, and it takes everything gathered meanwhile, so a chatty job (a
 * training step every few milliseconds) costs the FX thread one call per pulse, not one per item.
 */
public final class FxBatches<T> implements Consumer<T> {

    private final Consumer<List<T>> onFx;
    private final List<T> pending = new ArrayList<>();
    private boolean scheduled;

    public FxBatches(Consumer<List<T>> onFx) {
        this.onFx = onFx;
    }

    @Override
    public void accept(T item) {
        synchronized (pending) {
            pending.add(item);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        Platform.runLater(this::deliver);
    }

    private void deliver() {
        List<T> batch;
        synchronized (pending) {
            batch = List.copyOf(pending);
            pending.clear();
            scheduled = false;
        }
        onFx.accept(batch);
    }
}
