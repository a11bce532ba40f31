package org.quotelab.ui.projects;

import java.util.Optional;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** Asks for the name this machine's label changes are recorded under. */
public final class AnnotatorDialog {

    private AnnotatorDialog() {
    }

    /**
     * Shows the dialog with {@code current} filled in; empty when cancelled or left blank.
     * {@code firstStart}: the wording of the first start, which says that it can be changed later.
     */
    public static Optional<String> ask(Window owner, String current, boolean firstStart) {
        TextInputDialog d = new TextInputDialog(current);
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(firstStart ? "Welcome to QuoteLab" : "Annotator");
        d.setHeaderText((firstStart ? "Who is labelling on this computer?\n" : "")
                + "Every label you set is recorded under this name, and batches are assigned to it."
                + (firstStart ? "\nYou can change it later with the Annotator button above the views." : ""));
        d.setContentText("Your name:");
        d.getEditor().setId("annotator-name");
        return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }
}
