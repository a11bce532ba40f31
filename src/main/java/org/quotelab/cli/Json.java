package org.quotelab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The command line's one JSON mapper for --json output and the bench workers' reports; configured
 * here and never again (a mapper is thread-safe only while nobody reconfigures it). Jackson's
 * defaults, so every command prints its keys exactly as it puts them in its map.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
