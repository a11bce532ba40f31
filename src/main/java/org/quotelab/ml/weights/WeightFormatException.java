package org.quotelab.ml.weights;

import java.io.IOException;

/** A weights file that cannot be used: malformed, or not matching the model. The message says why. */
public class WeightFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public WeightFormatException(String message) {
        super(message);
    }

    public WeightFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
