package org.quotelab.domain.imports;

/** The fields a CSV column can be mapped to. IGNORED columns are read and dropped. */
public enum QuoteField {
    EXTERNAL_ID,
    TEXT,
    LABEL,
    TOPIC,
    /** The name of the row's topic, e.g. "battery life": names new topics of the schema. */
    TOPIC_NAME,
    GROUP,
    COUNTRY_ID,
    COUNTRY_NAME,
    PRODUCT_ID,
    PRODUCT_CATEGORY,
    REVIEW_ID,
    REVIEW_TEXT,
    IGNORED
}
