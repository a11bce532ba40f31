package org.quotelab.ui.training;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * "Train the first model": shown while the store has labelled quotes and no active cascade, it
 * starts the full fine-tune of both stages with the form's values (the defaults unless changed).
 */
public final class FirstModelBanner {

    private FirstModelBanner() {
    }

    /** The banner; {@code afterStart} runs once the job is started (e.g. to show the Training view). */
    public static Node banner(TrainingViewModel vm, String id, Runnable afterStart) {
        Label text = new Label();
        text.textProperty().bind(Bindings.createStringBinding(() -> vm.statusProperty().get() == null ? ""
                : vm.statusProperty().get().labelledQuotes() + " labelled quotes and no model yet.",
                vm.statusProperty()));
        Button train = new Button("Train the first model");
        train.setId(id);
        train.getStyleClass().add("accent");
        train.setOnAction(e -> {
            vm.trainFirstModel();
            afterStart.run();
        });
        HBox box = new HBox(12, text, train);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(6, 10, 6, 10));
        box.getStyleClass().add("legend");
        box.visibleProperty().bind(vm.offerFirstModelProperty().and(vm.runningProperty().not()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** Puts the banner above another view (Review), whose own layout stays untouched. */
    public static Node above(Node view, TrainingViewModel vm, Runnable showTraining) {
        BorderPane pane = new BorderPane(view);
        pane.setTop(banner(vm, "review-first-model", showTraining));
        return pane;
    }
}
