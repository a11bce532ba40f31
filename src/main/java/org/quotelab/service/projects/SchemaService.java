package org.quotelab.service.projects;

import java.util.List;
import org.quotelab.domain.project.LabelSchema;
import org.quotelab.store.QuoteStore;

/**
 * One project's label schema: the topics' names, colours, order and Review keys. Edits are
 * checked (a key another topic has, a name in use, an invalid colour) and refused with a message
 * that says why; nothing changes then. Every method reads or writes the store: call them from jobs.
 */
public final class SchemaService {
    private final QuoteStore store;

    public SchemaService(QuoteStore store) {
        this.store = store;
    }

    public LabelSchema schema() {
        return store.schema().schema();
    }

    public LabelSchema rename(String key, String name) {
        return store.schema().rename(key, name);
    }

    public LabelSchema recolour(String key, String colour) {
        return store.schema().recolour(key, colour);
    }

    /** {@code hotkey} 1-9 or a letter; null or blank removes the topic's key. */
    public LabelSchema setHotkey(String key, String hotkey) {
        return store.schema().setHotkey(key, hotkey);
    }

    public LabelSchema reorder(List<String> keys) {
        return store.schema().reorder(keys);
    }

    /** Hands the keys out again in schema order: 1-9, then letters. */
    public LabelSchema reassignHotkeys() {
        return store.schema().reassignHotkeys();
    }

    /** Adds topics to the end of the schema, each with the next free key. */
    public LabelSchema add(List<String> keys) {
        return store.schema().add(keys);
    }
}
