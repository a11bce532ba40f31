package org.quotelab.ui.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.quotelab.domain.project.TopicDef;
import org.quotelab.ui.data.DataViewModel.TopicQuestion;

/**
 * Asks what to do with the topics a file brings that the project's schema does not have: for
 * each, add it as a new topic or map it onto one of the schema's topics; or cancel the import.
 * Not modal to the event loop (shown, not waited for), so the window keeps rendering.
 */
final class TopicImportDialog {
    static final String ADD = "Add as a new topic";
    static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    private TopicImportDialog() {
    }

    static Dialog<ButtonType> show(Window owner, TopicQuestion q, DataViewModel vm) {
        Dialog<ButtonType> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle("Topics not in this project");
        d.setHeaderText(q.file().getFileName() + " has " + q.unknown().size() + " topic(s) this project's label"
                + " schema does not have.\nAdd each as a new topic, or map it onto an existing one.");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.setId("topic-import-grid");
        grid.addRow(0, new Label("Topic in the file"), new Label("Rows"), new Label("What to do"));
        Map<String, ComboBox<String>> choices = new LinkedHashMap<>();
        List<String> options = new java.util.ArrayList<>();
        options.add(ADD);
        for (TopicDef t : q.schema().topics()) {
            options.add(ontoLabel(t));
        }
        int row = 1;
        for (String topic : q.unknown()) {
            ComboBox<String> choice = new ComboBox<>();
            choice.getItems().setAll(options);
            choice.getSelectionModel().select(0);
            choice.setId("topic-choice-" + topic);
            choices.put(topic, choice);
            grid.addRow(row++, new Label(topic), new Label(String.format("%,d", q.rows().getOrDefault(topic, 0L))),
                    choice);
        }
        d.getDialogPane().setContent(new VBox(8, grid));
        d.getDialogPane().getButtonTypes().setAll(IMPORT, ButtonType.CANCEL);
        d.getDialogPane().setId("topic-import-dialog");
        d.setOnHidden(e -> {
            if (d.getResult() == IMPORT) {
                Map<String, String> answer = new LinkedHashMap<>();
                choices.forEach((topic, c) -> {
                    int i = c.getSelectionModel().getSelectedIndex();
                    answer.put(topic, i <= 0 ? null : q.schema().topics().get(i - 1).key());
                });
                vm.answerTopics(answer);
            } else {
                vm.cancelTopics();
            }
        });
        d.show();
        return d;
    }

    /** "Map onto battery life (3)": the name people know, with the id the file would carry. */
    static String ontoLabel(TopicDef t) {
        return "Map onto " + t.name() + (t.name().equals(TopicDef.defaultName(t.key())) ? "" : " (" + t.key() + ")");
    }
}
