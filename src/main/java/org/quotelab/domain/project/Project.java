package org.quotelab.domain.project;

/** A project of a data folder: its own batches, label schema, models and monitoring. */
public record Project(long id, String name) {
    public Project {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a project needs a name");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
