package org.quotelab.service.models;

import java.nio.file.Path;
import org.quotelab.domain.model.ModelStatus;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.service.cascade.CascadeVersions;

/** The two model versions of one cascade, registered together from one cascade folder. */
public record CascadePair(ModelVersion stage1, ModelVersion stage2, Path folder) {

    public boolean active() {
        return stage1.status() == ModelStatus.ACTIVE && stage2.status() == ModelStatus.ACTIVE;
    }

    /** What the scoring code takes; the name is historical, the pair need not be active. */
    public CascadeVersions.Active asScoringPair() {
        return new CascadeVersions.Active(stage1, stage2, folder);
    }

    public String label() {
        return "v" + stage1.id() + " + v" + stage2.id() + " (" + folder.getFileName() + ")" + (active() ? " active" : "");
    }

    @Override
    public String toString() {
        return label();
    }
}
