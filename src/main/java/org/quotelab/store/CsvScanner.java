package org.quotelab.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A byte-level second look at a file the parser rejected: finds the first invalid UTF-8 sequence
 * or broken quoting and says in which record (first line) and field it sits. Runs only after a
 * failure, so the fast path stays with commons-csv. Delimiters are ASCII and never occur inside a
 * multi-byte UTF-8 sequence, so fields can be tracked on bytes.
 */
final class CsvScanner {

    /** Where a problem is: the record's first line, the 0-based field, and the exact line and character. */
    record Problem(long recordLine, int field, long line, long charColumn, String what) {
    }

    private CsvScanner() {
    }

    static Optional<Problem> firstProblem(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return scan(in);
        }
    }

    private static Optional<Problem> scan(InputStream in) throws IOException {
        long line = 1;
        long col = 0; // characters before the current one on this line
        long recordLine = 1;
        int field = 0;
        boolean atFieldStart = true;
        boolean inQuotes = false;
        boolean afterClosingQuote = false;
        boolean first = true;
        int b;
        while ((b = in.read()) != -1) {
            if (first) {
                first = false;
                if (b == 0xEF) { // a BOM is not part of the first field
                    in.mark(2);
                    if (in.read() == 0xBB && in.read() == 0xBF) {
                        continue;
                    }
                    in.reset();
                }
            }
            if (b >= 0x80) {
                String bad = checkSequence(b, in);
                if (bad != null) {
                    return Optional.of(new Problem(recordLine, field, line, col + 1, bad));
                }
                col++;
                atFieldStart = false;
                if (afterClosingQuote) {
                    return Optional.of(new Problem(recordLine, field, line, col, "text after a closing quote"));
                }
                continue;
            }
            col++;
            if (inQuotes) {
                if (b == '"') {
                    in.mark(1);
                    if (in.read() == '"') {
                        col++;
                        continue;
                    }
                    in.reset();
                    inQuotes = false;
                    afterClosingQuote = true;
                } else if (b == '\n') {
                    line++;
                    col = 0;
                }
                continue;
            }
            if (b == ',') {
                field++;
                atFieldStart = true;
                afterClosingQuote = false;
            } else if (b == '\n' || b == '\r') {
                if (b == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                line++;
                col = 0;
                recordLine = line;
                field = 0;
                atFieldStart = true;
                afterClosingQuote = false;
            } else if (afterClosingQuote) {
                return Optional.of(new Problem(recordLine, field, line, col,
                        "text after a closing quote (a quote inside a quoted field must be doubled)"));
            } else if (b == '"' && atFieldStart) {
                inQuotes = true;
                atFieldStart = false;
            } else {
                atFieldStart = false;
            }
        }
        if (inQuotes) {
            return Optional.of(new Problem(recordLine, field, line, col,
                    "a quoted field is never closed (missing closing quote)"));
        }
        return Optional.empty();
    }

    /** Checks the rest of a multi-byte sequence; returns why it is invalid, or null. */
    private static String checkSequence(int lead, InputStream in) throws IOException {
        int more;
        int min = 0x80;
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            more = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            more = 2;
            min = lead == 0xE0 ? 0xA0 : 0x80;
            max = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            more = 3;
            min = lead == 0xF0 ? 0x90 : 0x80;
            max = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return String.format("invalid UTF-8: byte 0x%02X cannot start a character", lead);
        }
        for (int k = 0; k < more; k++) {
            in.mark(1);
            int c = in.read();
            boolean ok = k == 0 ? c >= min && c <= max : c >= 0x80 && c <= 0xBF;
            if (!ok) {
                in.reset();
                return String.format("invalid UTF-8: byte 0x%02X starts a truncated or malformed sequence", lead);
            }
        }
        return null;
    }
}
