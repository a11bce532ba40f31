package org.quotelab.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.quotelab.ui.common.Feature;
import org.quotelab.ui.common.FxJobs;
import org.quotelab.ui.common.Icons;

/** The window frame: navigation on the left, the chosen view in the middle, a status bar below. */
public final class MainWindow {

    private final BorderPane root = new BorderPane();
    private final ToggleGroup navigation = new ToggleGroup();
    private final Map<String, Node> built = new HashMap<>();
    private final Map<String, ToggleButton> buttons = new HashMap<>();
    private final StatusBar statusBar = new StatusBar();
    private final Label device = new Label();
    private final Label versions = new Label();
    private final List<Feature> features;
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper();

    public MainWindow(List<Feature> features, FxJobs jobs) {
        this.features = List.copyOf(features);
        VBox nav = new VBox(4);
        nav.getStyleClass().add("navigation");
        for (Feature f : features) {
            ToggleButton b = new ToggleButton(f.name(), Icons.icon(f.icon()));
            b.setId("nav-" + f.name().toLowerCase());
            b.setToggleGroup(navigation);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setTooltip(new Tooltip(f.name() + (f.shortcut() == null ? "" : "  (" + f.shortcut().getDisplayText() + ")")));
            b.setOnAction(e -> show(f));
            buttons.put(f.name(), b);
            nav.getChildren().add(b);
        }
        navigation.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        root.setLeft(nav);
        versions.setId("status-versions");
        device.setId("status-device");
        statusBar.setText("");
        statusBar.getRightItems().addAll(versions, device);
        statusBar.textProperty().bind(Bindings.createStringBinding(
                () -> jobs.running().isEmpty() ? "Ready"
                        : jobs.running().size() + " job(s) running: " + jobs.running().get(0).title(),
                jobs.running()));
        root.setBottom(statusBar);
        if (!features.isEmpty()) {
            show(features.get(0));
        }
    }

    public void show(Feature f) {
        root.setCenter(built.computeIfAbsent(f.name(), k -> f.view().get()));
        buttons.get(f.name()).setSelected(true);
        current.set(f.name());
    }

    /** The name of the view on screen, e.g. to reopen it at the next start. */
    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public void show(String featureName) {
        features.stream().filter(f -> f.name().equals(featureName)).findFirst().ifPresent(this::show);
    }

    /** Installs the features' keyboard shortcuts on the scene. */
    public void installShortcuts(Scene scene) {
        for (Feature f : features) {
            if (f.shortcut() != null) {
                scene.getAccelerators().put(f.shortcut(), () -> show(f));
            }
        }
    }

    public BorderPane root() {
        return root;
    }

    public Label deviceLabel() {
        return device;
    }

    public Label versionsLabel() {
        return versions;
    }
}
