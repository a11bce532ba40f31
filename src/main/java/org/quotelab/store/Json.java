package org.quotelab.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The few JSON shapes the store itself writes (probabilities, confusion matrices). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    static Map<String, Double> readProbabilities(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Double>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt probabilities JSON: " + e.getMessage(), e);
        }
    }

    static List<String> readStrings(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON: " + e.getMessage(), e);
        }
    }

    static int[][] readMatrix(String json) {
        try {
            return MAPPER.readValue(json, int[][].class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt matrix JSON: " + e.getMessage(), e);
        }
    }
}
