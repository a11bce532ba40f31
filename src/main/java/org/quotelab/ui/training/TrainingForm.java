package org.quotelab.ui.training;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quotelab.service.cascade.Construction;
import org.quotelab.service.training.DeviceChoice;
import org.quotelab.service.training.FineTuneOptions;
import org.quotelab.service.training.Stages;
import org.quotelab.service.training.UpdateOptions;

/**
 * The new-job form's values, pre-filled from the service's defaults (those of the CLI's
 * {@code cascade train} and {@code update}). Numbers are kept as the text the person typed and
 * parsed only when a job starts, so a half-typed value is never an error.
 */
public final class TrainingForm {

    private final ObjectProperty<JobKind> kind = new SimpleObjectProperty<>(
            JobKind.FULL_FINE_TUNE);
    private final ObjectProperty<Stages> stages = new SimpleObjectProperty<>();
    private final StringProperty baseModel = new SimpleStringProperty();
    private final StringProperty stage1Epochs = new SimpleStringProperty();
    private final StringProperty stage1LearningRate = new SimpleStringProperty();
    private final StringProperty stage2Epochs = new SimpleStringProperty();
    private final StringProperty stage2LearningRate = new SimpleStringProperty();
    private final StringProperty batchSize = new SimpleStringProperty();
    private final ObjectProperty<Construction> construction = new SimpleObjectProperty<>();
    private final StringProperty strategy = new SimpleStringProperty();
    private final StringProperty updateEpochs = new SimpleStringProperty();
    private final StringProperty updateLearningRate = new SimpleStringProperty();
    private final ObjectProperty<DeviceChoice> device = new SimpleObjectProperty<>();
    /** Batch ids an update learns; empty = the batches the active cascade has not learned yet. */
    private final ObservableList<Long> batchIds = FXCollections.observableArrayList();

    TrainingForm() {
        FineTuneOptions f = FineTuneOptions.defaults();
        UpdateOptions u = UpdateOptions.defaults();
        stages.set(f.stages());
        baseModel.set(f.baseModel());
        stage1Epochs.set(String.valueOf(f.stage1Epochs()));
        stage1LearningRate.set(number(f.stage1LearningRate()));
        stage2Epochs.set(String.valueOf(f.stage2Epochs()));
        stage2LearningRate.set(number(f.stage2LearningRate()));
        batchSize.set(String.valueOf(f.batchSize()));
        construction.set(f.construction());
        strategy.set(u.strategy());
        updateEpochs.set(String.valueOf(u.epochs()));
        updateLearningRate.set(number(u.learningRate()));
        device.set(f.device());
    }

    /** Strategies offered in the form; any '+' combination may be typed. */
    public static List<String> strategies() {
        return List.of("replay", "naive", "rehearsal", "ewc", "replay+ewc", "rehearsal+ewc", "full");
    }

    FineTuneOptions fineTune() {
        return new FineTuneOptions(stages.get(), baseModel.get().trim(), integer("Stage-1 epochs", stage1Epochs),
                decimal("Stage-1 learning rate", stage1LearningRate), integer("Stage-2 epochs", stage2Epochs),
                decimal("Stage-2 learning rate", stage2LearningRate), integer("Batch size", batchSize),
                construction.get(), device.get());
    }

    UpdateOptions update() {
        return new UpdateOptions(List.copyOf(batchIds), strategy.get().trim(), integer("Update epochs", updateEpochs),
                decimal("Update learning rate", updateLearningRate), baseModel.get().trim(), device.get());
    }

    private static int integer(String name, StringProperty p) {
        try {
            return Integer.parseInt(p.get().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + p.get() + "'");
        }
    }

    private static double decimal(String name, StringProperty p) {
        try {
            return Double.parseDouble(p.get().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number such as 5e-5, not '" + p.get() + "'");
        }
    }

    static String number(double v) {
        // 5.0E-5 -> 5e-5: how learning rates are written in papers and in the CLI's help
        return Double.toString(v).replace(".0E", "E").toLowerCase(Locale.ROOT);
    }

    public ObjectProperty<JobKind> kind() {
        return kind;
    }

    public ObjectProperty<Stages> stages() {
        return stages;
    }

    public StringProperty baseModel() {
        return baseModel;
    }

    public StringProperty stage1Epochs() {
        return stage1Epochs;
    }

    public StringProperty stage1LearningRate() {
        return stage1LearningRate;
    }

    public StringProperty stage2Epochs() {
        return stage2Epochs;
    }

    public StringProperty stage2LearningRate() {
        return stage2LearningRate;
    }

    public StringProperty batchSize() {
        return batchSize;
    }

    public ObjectProperty<Construction> construction() {
        return construction;
    }

    public StringProperty strategy() {
        return strategy;
    }

    public StringProperty updateEpochs() {
        return updateEpochs;
    }

    public StringProperty updateLearningRate() {
        return updateLearningRate;
    }

    public ObjectProperty<DeviceChoice> device() {
        return device;
    }

    public ObservableList<Long> batchIds() {
        return batchIds;
    }
}
