package org.quotelab.domain.imports;

/**
 * Why an import was refused, pointing at the place in the file. {@code line} is the 1-based line
 * where the offending record starts (0 when the problem is the file as a whole); {@code column}
 * names the CSV column (or the character position for encoding errors), or is null.
 */
public record ImportError(String file, long line, String column, String message) {

    public String describe() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (column != null) {
            sb.append(", column ").append(column);
        }
        return sb.append(": ").append(message).toString();
    }
}
