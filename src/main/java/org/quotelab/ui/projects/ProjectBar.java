package org.quotelab.ui.projects;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import org.quotelab.domain.project.Project;
import org.quotelab.domain.project.ProjectContents;
import org.quotelab.ui.common.ShowOnly;

/**
 * The bar above the views: which project is on screen, a switcher, "New project...", "Rename...",
 * "Delete..." and the label-schema editor. Choosing another project rebuilds every view on its data.
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
        create.setOnAction(e -> askName(create, "New project",
                "A new project starts empty: its own batches, label schema and models.", "").ifPresent(vm::create));
        Button rename = new Button("Rename...");
        rename.setId("project-rename");
        rename.setTooltip(new Tooltip("Rename the project on screen"));
        rename.disableProperty().bind(vm.currentProperty().isNull());
        rename.setOnAction(e -> askName(rename, "Rename project", "A new name for '" + vm.currentProperty().get().name()
                + "'. Its data, models and settings stay as they are.", vm.currentProperty().get().name())
                .ifPresent(vm::rename));
        Button delete = new Button("Delete...");
        delete.setId("project-delete");
        delete.setTooltip(new Tooltip("Delete another project with its batches, labels and models"));
        delete.setOnAction(e -> choose(delete, vm).ifPresent(p -> vm.askDelete(p, held -> {
            if (confirm(delete, held)) {
                vm.delete(held);
            }
        })));
        Button schema = new Button("Label schema...");
        schema.setId("schema-edit");
        schema.setTooltip(new Tooltip("Topic names, colours, order and Review keys of this project"));
        schema.setOnAction(e -> editSchema.run());
        Label message = new Label();
        message.setId("project-message");
        message.getStyleClass().add("project-message");
        message.textProperty().bind(vm.messageProperty());
        root = new ToolBar(title, switcher, create, rename, delete, schema, message);
        root.getStyleClass().add("project-bar");
        root.setId("project-bar");
    }

    private static Optional<String> askName(Node owner, String title, String header, String name) {
        TextInputDialog d = new TextInputDialog(name);
        own(d, owner);
        d.setTitle(title);
        d.setHeaderText(header);
        d.setContentText("Name:");
        d.getEditor().setId("project-name");
        return d.showAndWait().map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Adds a control at the end of the bar, e.g. the annotator's. */
    public void add(Node node) {
        root.getItems().add(node);
    }

    /** Which project to delete: another than the one on screen, offered first. */
    private static Optional<Project> choose(Node owner, ProjectsViewModel vm) {
        Project current = vm.currentProperty().get();
        Project offered = vm.projects().stream().filter(p -> current == null || p.id() != current.id()).findFirst()
                .orElse(current);
        ChoiceDialog<Project> d = new ChoiceDialog<>(offered, vm.projects());
        own(d, owner);
        d.setTitle("Delete project");
        d.setHeaderText("Which project? The project on screen cannot be deleted: switch away from it first.");
        d.setContentText("Project:");
        d.getDialogPane().setId("project-delete-choice");
        return d.showAndWait();
    }

    /** Asks once more, naming what goes: the default button keeps the project. */
    private static boolean confirm(Node owner, ProjectContents held) {
        Alert a = new Alert(Alert.AlertType.WARNING);
        own(a, owner);
        ButtonType delete = new ButtonType("Delete project", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep it", ButtonBar.ButtonData.CANCEL_CLOSE);
        a.getButtonTypes().setAll(delete, keep);
        ((Button) a.getDialogPane().lookupButton(delete)).setDefaultButton(false);
        ((Button) a.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        a.setTitle("Delete project");
        a.setHeaderText("Delete project '" + held.project().name() + "'?");
        a.setContentText("This removes " + held.describe() + ", with the label schema, thresholds, monitoring"
                + " figures and the model folders in the data folder. It cannot be undone.");
        a.getDialogPane().setId("project-delete-confirm");
        return a.showAndWait().filter(b -> b == delete).isPresent();
    }

    private static void own(javafx.scene.control.Dialog<?> d, Node owner) {
        if (owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
        }
    }

    public Node root() {
        return root;
    }
}
