package org.quotelab.ui.projects;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import org.quotelab.domain.project.Project;
import org.quotelab.ui.common.ShowOnly;

/**
 * The bar above the views: which project is on screen, a switcher, "New project..." and the
 * label-schema editor. Choosing another project rebuilds every view on its data.
 */
public final class ProjectBar {
    private final ToolBar root;
    private boolean syncing;

    public ProjectBar(ProjectsViewModel vm, Runnable editSchema) {
        Label title = new Label("Project");
        title.getStyleClass().add("project-title");
        ComboBox<Project> switcher = new ComboBox<>(vm.projects());
        switcher.setId("project-switcher");
        switcher.setConverter(ShowOnly.converter(p -> p == null ? "" : p.name()));
        switcher.setTooltip(new Tooltip("Each project has its own batches, label schema, models and monitoring"));
        vm.currentProperty().addListener((o, a, p) -> {
            syncing = true;
            try {
                switcher.getSelectionModel().select(p);
                switcher.setValue(p);
            } finally {
                syncing = false;
            }
        });
        switcher.valueProperty().addListener((o, a, p) -> {
            if (!syncing && p != null) {
                vm.switchTo(p);
            }
        });
        Button create = new Button("New project...");
        create.setId("project-new");
        create.setOnAction(e -> askName(create).ifPresent(vm::create));
        Button schema = new Button("Label schema...");
        schema.setId("schema-edit");
        schema.setTooltip(new Tooltip("Topic names, colours, order and Review keys of this project"));
        schema.setOnAction(e -> editSchema.run());
        Label message = new Label();
        message.setId("project-message");
        message.getStyleClass().add("project-message");
        message.textProperty().bind(vm.messageProperty());
        root = new ToolBar(title, switcher, create, schema, message);
        root.getStyleClass().add("project-bar");
        root.setId("project-bar");
    }

    private static Optional<String> askName(Node owner) {
        TextInputDialog d = new TextInputDialog();
        if (owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
        }
        d.setTitle("New project");
        d.setHeaderText("A new project starts empty: its own batches, label schema and models.");
        d.setContentText("Name:");
        d.getEditor().setId("project-name");
        return d.showAndWait().map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Adds a control at the end of the bar, e.g. the annotator's. */
    public void add(Node node) {
        root.getItems().add(node);
    }

    public Node root() {
        return root;
    }
}
