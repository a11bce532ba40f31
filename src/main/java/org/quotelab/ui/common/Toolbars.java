package org.quotelab.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The toolbar every view puts on top: its title on the left, its actions pushed to the right. */
public final class Toolbars {

    private Toolbars() {
    }

    public static ToolBar of(String title, Node... actions) {
        Label label = new Label(title);
        label.getStyleClass().add("view-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        ToolBar bar = new ToolBar(label, gap);
        bar.getItems().addAll(actions);
        return bar;
    }

    /** Wires a toolbar button: its id (for tests and styles), when it is disabled, what it does. */
    public static Button action(Button button, String id, ObservableBooleanValue disabledWhen, Runnable onAction) {
        button.setId(id);
        button.disableProperty().bind(disabledWhen);
        button.setOnAction(e -> onAction.run());
        return button;
    }
}
