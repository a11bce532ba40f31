package org.quotelab.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.quotelab.ml.versions.ModelFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clean-up of what a killed earlier process left in the data folder. Call it only once this
 * process holds the store: H2's lock admits one process per data folder, so no other process can
 * be writing a model folder then, and a second process that fails to open the store never gets here.
 */
public final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private Recovery() {
    }

    /**
     * Removes every hidden temporary ({@code .NAME.tmp-*}) and {@code .partial} folder under
     * {@code modelsDir} and logs each; a failure is logged and start-up goes on, since the
     * leftovers hold nothing a version row points at.
     *
     * @return the folders removed
     */
    public static List<Path> sweepModels(Path modelsDir) {
        try {
            List<Path> removed = ModelFolders.sweep(modelsDir);
            if (!removed.isEmpty()) {
                LOG.warn("removed {} unfinished model folder(s) left by an earlier session: {}", removed.size(), removed);
            }
            return removed;
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove the unfinished model folders under {}", modelsDir, e);
            return List.of();
        }
    }
}
