package org.quotelab.ml.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.quotelab.ml.model.ComputeDevice;

/**
 * Proves that a saved version can serve before anything depends on it: its weights load (a
 * truncated or lying model.safetensors fails here) and a forward pass on one quote gives a finite
 * probability distribution over its labels (corrupt but well-formed bytes fail here).
 */
public final class VersionCheck {

    /** A short, ordinary review quote: the check is about the weights, not about the answer. */
    public static final String PROBE = "The battery died after two days.";
    private static final int MAX_LENGTH = 32;

    private VersionCheck() {
    }

    /** Thrown when a version folder cannot be loaded or scores garbage. */
    public static final class UnusableVersionException extends IOException {
        private static final long serialVersionUID = 1L;

        UnusableVersionException(Path version, String problem, Throwable cause) {
            super(version + " cannot be used: " + problem, cause);
        }
    }

    /** Loads the version on {@code device}, scores {@link #PROBE} and checks the result; throws if anything is wrong. */
    public static void check(Path version, ComputeDevice device) throws UnusableVersionException {
        float[] p;
        try (VersionScorer scorer = VersionScorer.open(version, MAX_LENGTH, 1, device)) {
            float[][] out = scorer.probabilities(List.of(PROBE));
            p = out.length == 1 ? out[0] : null;
            if (p == null || p.length != scorer.labels().size()) {
                throw new UnusableVersionException(version, "the forward pass gave no distribution over "
                        + scorer.labels().size() + " labels", null);
            }
        } catch (UnusableVersionException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnusableVersionException(version, String.valueOf(e.getMessage()), e);
        }
        double sum = 0;
        for (float v : p) {
            if (!Float.isFinite(v)) {
                throw new UnusableVersionException(version, "the forward pass gave a non-finite probability", null);
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > 1e-3) {
            throw new UnusableVersionException(version, "probabilities sum to " + sum, null);
        }
    }
}
