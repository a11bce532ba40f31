package org.quotelab.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.quotelab.domain.imports.ImportError;
import org.quotelab.domain.imports.ImportException;

/**
 * A first look at a file's bytes before it is parsed as CSV, so that a picture, a workbook or a
 * file of blank lines is refused for what it is rather than for the first odd byte the parser
 * meets ("invalid UTF-8", "unknown column"). Binary means: a known file signature, a control
 * byte in the first line (where the header should be), or several control bytes in the first
 * 8 KB. A single stray control byte further down is left to the row checks, which name its line.
 */
final class TextFileCheck {
    private static final int PROBE = 8192;
    private static final int MAX_CONTROL_BYTES = 8;

    private record Signature(int[] magic, String what) {
    }

    private static final Signature[] SIGNATURES = {
        sig("a PNG image", 0x89, 'P', 'N', 'G'),
        sig("a JPEG image", 0xFF, 0xD8, 0xFF),
        sig("a GIF image", 'G', 'I', 'F', '8'),
        sig("a PDF document", '%', 'P', 'D', 'F'),
        sig("a ZIP archive (an Excel .xlsx workbook?)", 'P', 'K', 3, 4),
        sig("a gzip archive", 0x1F, 0x8B),
        sig("an old Excel .xls workbook", 0xD0, 0xCF, 0x11, 0xE0),
    };

    private TextFileCheck() {
    }

    /** Throws an {@link ImportException} naming the file when it is empty, blank or not text. */
    static void require(Path file) {
        String name = file.getFileName().toString();
        byte[] head;
        boolean anyText;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), PROBE)) {
            head = in.readNBytes(PROBE);
            anyText = hasNonBlank(head, 0) || head.length == PROBE && hasNonBlank(in);
        } catch (IOException e) {
            throw new ImportException(new ImportError(name, 0, null, "cannot read the file: " + e.getMessage()), e);
        }
        if (head.length == 0) {
            throw new ImportException(new ImportError(name, 1, "1", "the file is empty"));
        }
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            throw notText(name, "it is UTF-16 text; save it as CSV in UTF-8 (\"CSV UTF-8\" in Excel)");
        }
        for (Signature s : SIGNATURES) {
            if (startsWith(head, s.magic())) {
                throw notText(name, "it is " + s.what());
            }
        }
        int controls = 0;
        boolean firstLine = true;
        for (byte b : head) {
            if (b == '\n') {
                firstLine = false;
            } else if (isControl(b)) {
                controls++;
                if (firstLine || controls >= MAX_CONTROL_BYTES) {
                    throw notText(name, "it contains binary data (control bytes such as 0x"
                            + String.format("%02X", b & 0xFF) + " near its start)");
                }
            }
        }
        if (!anyText) {
            throw new ImportException(new ImportError(name, 1, null, "the file is empty: it has only blank lines"));
        }
    }

    private static ImportException notText(String name, String why) {
        return new ImportException(new ImportError(name, 1, null, "the file is not a CSV text file: " + why));
    }

    /** Tab, line feed, form feed and carriage return are text; other C0 bytes are not. */
    private static boolean isControl(byte b) {
        return b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r';
    }

    private static boolean hasNonBlank(byte[] b, int from) {
        int start = from;
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            start = 3; // a BOM alone is not content
        }
        for (int i = start; i < b.length; i++) {
            if (!isBlank(b[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNonBlank(InputStream in) throws IOException {
        int c;
        while ((c = in.read()) != -1) {
            if (!isBlank((byte) c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static Signature sig(String what, int... magic) {
        return new Signature(magic, what);
    }
}
