package org.quotelab.domain.quote;

/** The seed's descriptive columns; every field is optional. */
public record QuoteMetadata(
        String countryId,
        String countryName,
        String productId,
        String productCategory,
        String reviewId,
        String reviewText) {

    public static final QuoteMetadata EMPTY = new QuoteMetadata(null, null, null, null, null, null);
}
