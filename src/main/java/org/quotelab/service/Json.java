package org.quotelab.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The service layer's one JSON mapper, configured here and never again (a mapper is thread-safe
 * only while nobody reconfigures it). Jackson's defaults: the run parameters, metrics and cascade
 * files it writes keep the field names of the records they come from.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** For files and panes a person reads: two-space indentation, one field a line. */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }
}
