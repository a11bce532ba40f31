package org.quotelab.ui.review;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import org.quotelab.domain.project.LabelSchema;
import org.quotelab.domain.quote.LabelWrite;

/**
 * Shown when a label the user set was changed by someone else after the row was read: both values
 * and who set them, mine vs theirs. Enter, Escape or T keeps theirs (the row already shows it);
 * M overwrites it with mine, as a new write against their version.
 */
final class ConflictDialog {
    static final ButtonType KEEP_THEIRS = new ButtonType("Keep theirs (T)", ButtonData.CANCEL_CLOSE);
    static final ButtonType OVERWRITE = new ButtonType("Overwrite with mine (M)", ButtonData.OK_DONE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private ConflictDialog() {
    }

    /** Shows each conflict of {@code vm} in turn, over the window of {@code owner}. */
    static void attach(ReviewViewModel vm, Node owner) {
        vm.edits().conflictProperty().addListener((o, a, p) -> {
            if (p != null) {
                // not from inside the change that set it: the dialog opens once the pulse is done
                Platform.runLater(() -> show(vm, p, owner));
            }
        });
    }

    private static void show(ReviewViewModel vm, ReviewEdits.Pending p, Node owner) {
        ReviewEdits edits = vm.edits();
        if (edits.conflictProperty().get() != p) {
            return;
        }
        LabelWrite.Conflict k = p.conflict();
        LabelSchema schema = vm.schema();
        Dialog<ButtonType> d = new Dialog<>();
        if (owner.getScene() != null && owner.getScene().getWindow() != null) {
            d.initOwner(owner.getScene().getWindow());
        }
        d.setTitle("Label changed by " + ReviewEdits.who(k));
        d.setHeaderText(ReviewEdits.who(k) + " changed this quote's label after you read it.");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        grid.addRow(0, new Label("Mine:"), value("conflict-mine", Labels.label(k.mine(), schema) + "  (you)"));
        grid.addRow(1, new Label("Theirs:"), value("conflict-theirs", Labels.label(k.theirs(), schema) + "  ("
                + ReviewEdits.who(k) + (k.theirAt() == null ? "" : ", " + TIME.format(k.theirAt())) + ")"));
        d.getDialogPane().setContent(grid);
        d.getDialogPane().setId("conflict-dialog");
        d.getDialogPane().getButtonTypes().setAll(KEEP_THEIRS, OVERWRITE);
        Button keep = (Button) d.getDialogPane().lookupButton(KEEP_THEIRS);
        Button overwrite = (Button) d.getDialogPane().lookupButton(OVERWRITE);
        keep.setDefaultButton(true);
        overwrite.setDefaultButton(false);
        d.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.T || e.getCode() == KeyCode.M) {
                e.consume();
                d.setResult(e.getCode() == KeyCode.M ? OVERWRITE : KEEP_THEIRS);
                d.close();
            }
        });
        d.setOnHidden(e -> {
            if (edits.conflictProperty().get() == p) {
                if (d.getResult() == OVERWRITE) {
                    edits.overwriteWithMine();
                } else {
                    edits.keepTheirs();
                }
            }
        });
        d.show();
        keep.requestFocus();
    }

    private static Label value(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        return l;
    }
}
