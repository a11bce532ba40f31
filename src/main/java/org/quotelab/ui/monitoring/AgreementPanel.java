package org.quotelab.ui.monitoring;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Monitoring's agreement panel: binds to {@link AgreementViewModel} and renders. */
final class AgreementPanel {
    private final VBox content = new VBox(4);
    private final javafx.scene.control.ScrollPane root = new javafx.scene.control.ScrollPane(content);

    AgreementPanel(AgreementViewModel vm) {
        Label title = new Label("Agreement between annotators");
        title.setMinWidth(0);
        title.getStyleClass().add("section-title");
        Button refresh = new Button("Measure");
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setId("agreement-refresh");
        refresh.disableProperty().bind(vm.busyProperty());
        refresh.setOnAction(e -> vm.load());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label who = label("agreement-annotators", vm.annotatorsProperty().get());
        who.textProperty().bind(vm.annotatorsProperty());
        Label alpha = label("agreement-alpha", "");
        alpha.textProperty().bind(vm.alphaProperty());
        Label detail = label("agreement-alpha-detail", "");
        detail.textProperty().bind(vm.alphaDetailProperty());
        ListView<String> pairs = list("agreement-pairs", vm, true);
        ListView<String> lowest = list("agreement-lowest", vm, false);
        Hyperlink queue = new Hyperlink();
        queue.setId("agreement-open-queue");
        queue.textProperty().bind(vm.disagreeingProperty());
        queue.disableProperty().bind(vm.hasDisagreementsProperty().not());
        queue.setOnAction(e -> vm.openQueue());
        content.getChildren().addAll(new HBox(6, title, gap, refresh), who, alpha, detail, small("Cohen's kappa per pair"),
                pairs, small("Batches with the lowest alpha"), lowest, small("* fewer than 30 quotes: too few to rely on"),
                queue);
        // the Monitoring view's lower half is short on small screens: scroll rather than squash the lists
        content.setPadding(new Insets(0, 6, 0, 6));
        root.setFitToWidth(true);
        root.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        root.setMinWidth(220);
    }

    Node root() {
        return root;
    }

    private static Label label(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE); // wrap rather than cut when the panel is short
        l.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> l.getText() == null || l.getText().isEmpty() ? null : new javafx.scene.control.Tooltip(l.getText()),
                l.textProperty()));
        return l;
    }

    private static Label small(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static ListView<String> list(String id, AgreementViewModel vm, boolean pairs) {
        ListView<String> v = new ListView<>(pairs ? vm.pairs() : vm.lowest());
        v.setId(id);
        v.setPrefHeight(pairs ? 84 : 60);
        v.setMinHeight(Region.USE_PREF_SIZE);
        v.setPlaceholder(new Label(pairs ? "No two annotators yet." : "No batch with a figure yet."));
        v.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        return v;
    }
}
