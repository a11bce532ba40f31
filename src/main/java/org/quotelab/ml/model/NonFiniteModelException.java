package org.quotelab.ml.model;

/** The weights contain NaN or infinity; such a model is never saved. */
public final class NonFiniteModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NonFiniteModelException(String message) {
        super(message);
    }
}
