package org.quotelab.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * The ml layer's one JSON mapper, configured here and never again (a mapper is thread-safe only
 * while nobody reconfigures it). Snake case because the files this layer writes (provenance,
 * label maps, Hugging Face configs) are read by Python tools; maps and trees are unaffected.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    /** For files a person may open: two-space indentation, one field a line. */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }
}
