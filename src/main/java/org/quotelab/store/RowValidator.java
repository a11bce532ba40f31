package org.quotelab.store;

import org.apache.commons.csv.CSVRecord;
import org.quotelab.domain.imports.ImportError;
import org.quotelab.domain.imports.ImportException;
import org.quotelab.domain.imports.QuoteField;

/**
 * Checks one CSV record against the mapping and holds its values for the insert. One instance is
 * reused for every row of a file to keep per-row allocation to the field strings themselves.
 */
final class RowValidator {
    static final int MAX_ID = 200;
    static final int MAX_TEXT = 10_000;
    static final int MAX_REVIEW_TEXT = 100_000;
    static final int MAX_SHORT = 200;

    private final String file;
    private final ColumnMapping m;
    private final int idIdx;
    private final int textIdx;
    private final int originalIdx;
    private final boolean topicIds;
    private final boolean hasTopicColumn;
    private final int labelIdx;
    private final int topicIdx;
    private final int topicNameIdx;
    private final int groupIdx;
    private final int[] metaIdx;

    String externalId;
    String text;
    String originalText;
    Integer label;
    String topic;
    /** The topic's name as the file gives it, or null. */
    String topicName;
    String group;
    final String[] meta = new String[6];

    RowValidator(String file, ColumnMapping mapping) {
        this.file = file;
        this.m = mapping;
        idIdx = m.indexOf(QuoteField.EXTERNAL_ID);
        textIdx = m.indexOf(QuoteField.TEXT);
        originalIdx = m.originalTextIndex();
        labelIdx = m.indexOf(QuoteField.LABEL);
        topicIdx = m.indexOf(QuoteField.TOPIC);
        topicNameIdx = m.indexOf(QuoteField.TOPIC_NAME);
        hasTopicColumn = topicIdx >= 0;
        topicIds = hasTopicColumn && TopicValue.isIdColumn(m.header().get(topicIdx));
        groupIdx = m.indexOf(QuoteField.GROUP);
        metaIdx = new int[] {m.indexOf(QuoteField.COUNTRY_ID), m.indexOf(QuoteField.COUNTRY_NAME),
            m.indexOf(QuoteField.PRODUCT_ID), m.indexOf(QuoteField.PRODUCT_CATEGORY),
            m.indexOf(QuoteField.REVIEW_ID), m.indexOf(QuoteField.REVIEW_TEXT)};
    }

    /** True for a blank (or all-space) line, which is skipped rather than reported as a ragged row. */
    boolean isBlankLine(CSVRecord r) {
        return r.size() == 1 && r.get(0).isBlank() && m.width() > 1;
    }

    void read(CSVRecord r, long line) {
        if (r.size() != m.width()) {
            if (r.size() < m.width()) {
                throw fail(line, r.size(), "the row has " + r.size() + " fields but the header has " + m.width()
                        + " (missing from here on)");
            }
            throw fail(line, m.width(), "the row has " + r.size() + " fields but the header only " + m.width()
                    + " (an unquoted comma?)");
        }
        externalId = r.get(idIdx).trim();
        if (externalId.isEmpty()) {
            throw fail(line, idIdx, "the quote id is empty");
        }
        checkLength(line, idIdx, externalId, MAX_ID);
        text = r.get(textIdx);
        checkText(line, textIdx, text);
        originalText = null;
        if (originalIdx >= 0) {
            // every text field is checked, whether or not it ends up as the models' text
            String original = r.get(originalIdx);
            checkText(line, originalIdx, original);
            if (text.isBlank()) {
                text = original;
            } else if (!original.isBlank() && !original.equals(text)) {
                originalText = original;
            }
        }
        if (text.isBlank()) {
            throw fail(line, textIdx, "the quote text is empty");
        }
        readLabel(r, line);
        topicName = topicNameIdx < 0 || topic == null || r.get(topicNameIdx).isBlank() ? null : r.get(topicNameIdx).trim();
        if (topicName != null) {
            checkLength(line, topicNameIdx, topicName, MAX_SHORT);
        }
        group = groupIdx < 0 ? "" : r.get(groupIdx).trim();
        if (groupIdx >= 0) {
            checkLength(line, groupIdx, group, MAX_SHORT);
        }
        for (int k = 0; k < metaIdx.length; k++) {
            int i = metaIdx[k];
            String v = i < 0 ? null : r.get(i);
            if (v != null && v.isBlank()) {
                v = null;
            }
            if (v != null) {
                checkLength(line, i, v, k == 5 ? MAX_REVIEW_TEXT : MAX_SHORT);
            }
            meta[k] = v;
        }
    }

    private void readLabel(CSVRecord r, long line) {
        label = null;
        topic = null;
        if (labelIdx >= 0) {
            String v = r.get(labelIdx).trim();
            if ("0".equals(v)) {
                label = 0;
            } else if ("1".equals(v)) {
                label = 1;
            } else if (!v.isEmpty()) {
                throw fail(line, labelIdx, "the label must be 0, 1 or empty (unlabelled), not '" + shorten(v) + "'");
            }
        }
        if (!hasTopicColumn) {
            return; // a stage-1 file: label 1 without a topic is all it can say
        }
        String raw = r.get(topicIdx);
        checkLength(line, topicIdx, raw.trim(), MAX_SHORT);
        try {
            topic = TopicValue.canonical(raw, topicIds);
        } catch (TopicValue.Invalid e) {
            throw fail(line, topicIdx, e.getMessage());
        }
        if (topic != null) {
            checkLength(line, topicIdx, topic, MAX_SHORT); // "1e300" grows when written out
        }
        String written = TopicValue.shorten(raw.trim());
        if (topic != null && label == null) {
            throw fail(line, topicIdx, "topic '" + written + "' is given but the label is empty");
        }
        if (topic != null && label == 0) {
            throw fail(line, topicIdx, "an out-of-topic quote (label 0) cannot have topic '" + written + "'");
        }
        if (topic == null && label != null && label == 1) {
            throw fail(line, topicIdx, raw.isBlank()
                    ? "an in-topic quote (label 1) needs a topic, but the topic is empty"
                    : "an in-topic quote (label 1) needs a topic, but topic '" + written + "' means no topic");
        }
    }

    /** Size and content checks shared by every text field. */
    private void checkText(long line, int col, String v) {
        checkLength(line, col, v, MAX_TEXT);
        if (v.indexOf('\0') >= 0) {
            throw fail(line, col, "the quote text contains a NUL character (binary data?)");
        }
    }

    private void checkLength(long line, int col, String v, int max) {
        if (v.length() > max) {
            throw fail(line, col, "the value has " + v.length() + " characters, more than the limit of " + max);
        }
    }

    ImportException fail(long line, int col, String message) {
        return new ImportException(new ImportError(file, line, m.describe(col), message));
    }

    private static String shorten(String v) {
        return TopicValue.shorten(v);
    }
}
