package org.quotelab.ml.model;

import java.io.IOException;
import java.nio.file.Path;

/** Builds an untrained classifier of the architecture described by a folder's config.json. */
@FunctionalInterface
public interface ModelFactory {

    ClassifierModel create(Path folder, int numLabels) throws IOException;
}
