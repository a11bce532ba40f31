package org.quotelab.service.cascade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.quotelab.domain.cascade.CascadeDecision;
import org.quotelab.domain.cascade.OperatingPoint;
import org.quotelab.service.Json;

/**
 * A trained cascade on disk: the two model versions, the topic order, the calibration
 * temperatures and the recommended operating point, described by cascade.json in its folder.
 *
 * @param topics      topic names in cascade order (class k = topics[k-1])
 * @param stage1      folder of the stage-1 version, relative to the cascade folder
 * @param stage2      folder of the stage-2 version, relative to the cascade folder
 * @param threshold       recommended stage-1 threshold
 * @param class0Threshold recommended class-0 threshold; absent in cascades written before it
 *                        existed, which read as the argmax rule they were tuned with
 * @param facts       what the training measured (class-0 examples, validation figures)
 */
public record CascadeModel(
        List<String> topics,
        String stage1,
        String stage2,
        double stage1Temperature,
        double stage2Temperature,
        double threshold,
        Double class0Threshold,
        String construction,
        Map<String, Object> facts) {

    public static final String FILE = "cascade.json";
    /** The stage-2 label of stage-1 false positives. */
    public static final String NOT_PERTINENT = org.quotelab.domain.cascade.CascadePrediction.NOT_PERTINENT;

    public CascadeModel {
        topics = List.copyOf(topics);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        class0Threshold = class0Threshold == null ? CascadeDecision.ARGMAX_ONLY : class0Threshold;
    }

    /** The recommended operating point. */
    public OperatingPoint operatingPoint() {
        return new OperatingPoint(threshold, class0Threshold);
    }

    public static CascadeModel read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(folder + " is not a cascade: " + FILE + " is missing");
        }
        return Json.MAPPER.readValue(file.toFile(), CascadeModel.class);
    }

    /** Writes cascade.json atomically, so a reader never sees half a description. */
    public void write(Path folder) throws IOException {
        Path tmp = Files.createTempFile(folder, ".cascade", ".json");
        Json.PRETTY.writeValue(tmp.toFile(), this);
        Files.move(tmp, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public CascadeModel withOperatingPoint(OperatingPoint p) {
        return new CascadeModel(topics, stage1, stage2, stage1Temperature, stage2Temperature, p.threshold(),
                p.class0Threshold(), construction, facts);
    }

    /** The same cascade with its stages in other folders, e.g. new versions beside a copied calibration. */
    public CascadeModel withStages(String stage1Folder, String stage2Folder) {
        return new CascadeModel(topics, stage1Folder, stage2Folder, stage1Temperature, stage2Temperature, threshold,
                class0Threshold, construction, facts);
    }
}
