package org.quotelab.ui.data;

import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.MapChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import org.quotelab.domain.quote.BatchSummary;

/**
 * The batch table's "Assigned to" column and the row menu that changes it: assign to me, assign
 * to named annotators, or to nobody.
 */
final class AssignmentColumn {

    private AssignmentColumn() {
    }

    static void install(TableView<BatchSummary> table, BatchAssignmentsModel model) {
        TableColumn<BatchSummary, String> column = new TableColumn<>("Assigned to");
        column.setId("column-assigned");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(model.text(c.getValue().batch().id())));
        column.setPrefWidth(170);
        table.getColumns().add(column);
        // the cell values come from the map, not the row: redraw when it changes
        model.assignees().addListener((MapChangeListener<Long, java.util.List<String>>) ch -> table.refresh());
        table.setRowFactory(t -> {
            TableRow<BatchSummary> row = new TableRow<>();
            MenuItem me = new MenuItem("Assign to me");
            me.setId("assign-me");
            me.setOnAction(e -> model.assignToMe(row.getItem().batch().id(), row.getItem().batch().day()));
            MenuItem named = new MenuItem("Assign to...");
            named.setId("assign-named");
            named.setOnAction(e -> ask(table, model, row.getItem())
                    .ifPresent(names -> model.assign(row.getItem().batch().id(), row.getItem().batch().day(), names)));
            MenuItem nobody = new MenuItem("Assign to nobody");
            nobody.setId("assign-nobody");
            nobody.setOnAction(e -> model.assign(row.getItem().batch().id(), row.getItem().batch().day(), ""));
            ContextMenu menu = new ContextMenu(me, named, nobody);
            row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty())
                    .then((ContextMenu) null).otherwise(menu));
            return row;
        });
    }

    private static Optional<String> ask(TableView<?> owner, BatchAssignmentsModel model, BatchSummary b) {
        TextInputDialog d = new TextInputDialog(model.text(b.batch().id()));
        if (owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
        }
        d.setTitle("Assign " + b.batch().day());
        d.setHeaderText("Who labels " + b.batch().day() + "? Each of them finds it under \"My batches\" in Review.");
        d.setContentText("Annotators (comma-separated):");
        d.getEditor().setId("assign-names");
        return d.showAndWait();
    }
}
