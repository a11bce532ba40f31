package org.quotelab.ui.projects;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** "Annotator: ann" in the project bar; pressing it asks for another name. */
public final class AnnotatorButton {
    private final HBox root;

    public AnnotatorButton(AnnotatorViewModel vm) {
        Button button = new Button();
        button.setId("annotator-change");
        button.textProperty().bind(Bindings.concat("Annotator: ", vm.nameProperty()));
        button.setTooltip(new Tooltip("The name your label changes are recorded under on this computer"));
        button.setOnAction(e -> AnnotatorDialog.ask(button.getScene() == null ? null : button.getScene().getWindow(),
                vm.nameProperty().get(), false).ifPresent(vm::change));
        Label message = new Label();
        message.setId("annotator-message");
        message.getStyleClass().add("project-message");
        message.textProperty().bind(vm.messageProperty());
        root = new HBox(6, button, message);
        root.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    public Node root() {
        return root;
    }
}
