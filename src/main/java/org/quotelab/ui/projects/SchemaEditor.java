package org.quotelab.ui.projects;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;
import org.quotelab.domain.project.TopicDef;

/**
 * The label-schema editor: the project's topics in schema order with their key, name, colour and
 * stored id. Select a topic, change its name, key or colour and Apply; Up and Down reorder; a key
 * another topic has is refused with that topic's name. Shown, not waited for.
 */
public final class SchemaEditor {
    private final SchemaViewModel vm;
    private final TableView<TopicDef> table;
    private final TextField name = new TextField();
    private final TextField hotkey = new TextField();
    private final ColorPicker colour = new ColorPicker();

    public SchemaEditor(SchemaViewModel vm) {
        this.vm = vm;
        this.table = new TableView<>(vm.topics());
    }

    /** Opens the editor over {@code owner}; the schema is read anew. */
    public Dialog<ButtonType> show(Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle("Label schema");
        d.setHeaderText("Topics of this project, in the order Review, Evaluation and the exports list them."
                + "\nKeys: press the key shown in Review to label a quote with that topic (0 = out-of-topic).");
        d.getDialogPane().setContent(content());
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        d.getDialogPane().setId("schema-editor");
        d.setResizable(true);
        vm.reload();
        d.show();
        return d;
    }

    VBox content() {
        table.setId("schema-table");
        table.setPrefSize(560, 320);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TopicDef, String> key = column("Key", t -> t.hotkey() == null ? "-" : t.hotkey().toUpperCase(), 50);
        TableColumn<TopicDef, String> swatch = column("Colour", TopicDef::colour, 60);
        swatch.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : new Rectangle(28, 12, Color.web(item)));
            }
        });
        table.getColumns().add(key);
        table.getColumns().add(swatch);
        table.getColumns().add(column("Name", TopicDef::name, 240));
        table.getColumns().add(column("Id in files", TopicDef::key, 110));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> fill(t));

        name.setId("schema-name");
        hotkey.setId("schema-key");
        hotkey.setPrefColumnCount(3);
        colour.setId("schema-colour");
        Button apply = new Button("Apply");
        apply.setId("schema-apply");
        apply.setDefaultButton(false);
        apply.setOnAction(e -> {
            TopicDef t = table.getSelectionModel().getSelectedItem();
            if (t != null) {
                vm.apply(t.key(), name.getText(), hotkey.getText(), hex(colour.getValue()));
            }
        });
        Button up = new Button("Up");
        up.setId("schema-up");
        up.setOnAction(e -> moveSelected(-1));
        Button down = new Button("Down");
        down.setId("schema-down");
        down.setOnAction(e -> moveSelected(1));
        Button reassign = new Button("Keys in schema order");
        reassign.setId("schema-reassign");
        reassign.setOnAction(e -> vm.reassignKeys());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Name"), name, new Label("Key"), hotkey, new Label("Colour"), colour, apply);
        GridPane.setHgrow(name, Priority.ALWAYS);
        Label message = new Label();
        message.setId("schema-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox order = new HBox(8, up, down, reassign);
        VBox box = new VBox(8, table, order, form, message);
        box.setPadding(new Insets(4));
        VBox.setVgrow(table, Priority.ALWAYS);
        // keep the selection on the edited topic when the list is replaced after an edit
        vm.topics().addListener((javafx.collections.ListChangeListener<TopicDef>) ch -> reselect());
        return box;
    }

    private String selectedKey;

    private void fill(TopicDef t) {
        if (t == null) {
            return;
        }
        selectedKey = t.key();
        name.setText(t.name());
        hotkey.setText(t.hotkey() == null ? "" : t.hotkey().toUpperCase());
        colour.setValue(Color.web(t.colour()));
    }

    private void reselect() {
        if (selectedKey == null) {
            return;
        }
        for (int i = 0; i < vm.topics().size(); i++) {
            if (vm.topics().get(i).key().equals(selectedKey)) {
                table.getSelectionModel().clearAndSelect(i);
                return;
            }
        }
    }

    private void moveSelected(int by) {
        TopicDef t = table.getSelectionModel().getSelectedItem();
        if (t != null) {
            vm.move(t.key(), by);
        }
    }

    static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private static TableColumn<TopicDef, String> column(String title, java.util.function.Function<TopicDef, String> f,
            double width) {
        TableColumn<TopicDef, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
