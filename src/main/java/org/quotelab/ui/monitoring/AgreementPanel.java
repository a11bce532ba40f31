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
    private final VBox root = new VBox(4);

    AgreementPanel(AgreementViewModel vm) {
        Label title = new Label("Agreement between annotators");
        title.getStyleClass().add("section-title");
        Button refresh = new Button("Measure");
        refresh.setId("agreement-refresh");
        refresh.disableProperty().bind(vm.busyProperty());
        refresh.setOnAction(e -> vm.load());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label who = label("agreement-annotators", vm.annotatorsProperty().get());
        who.textProperty().bind(vm.annotatorsProperty());
        Label alpha = label("agreement-alpha", "");
        alpha.textProperty().bind(vm.alphaProperty());
        ListView<String> pairs = list("agreement-pairs", vm, true);
        ListView<String> lowest = list("agreement-lowest", vm, false);
        Hyperlink queue = new Hyperlink();
        queue.setId("agreement-open-queue");
        queue.textProperty().bind(vm.disagreeingProperty());
        queue.disableProperty().bind(vm.hasDisagreementsProperty().not());
        queue.setOnAction(e -> vm.openQueue());
        root.getChildren().addAll(new HBox(6, title, gap, refresh), who, alpha, small("Cohen's kappa per pair"), pairs,
                small("Batches with the lowest alpha"), lowest, queue);
        VBox.setVgrow(pairs, Priority.ALWAYS);
        root.setPadding(new Insets(0, 0, 0, 6));
        root.setMinWidth(220);
    }

    Node root() {
        return root;
    }

    private static Label label(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
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
        v.setPrefHeight(pairs ? 90 : 70);
        v.setPlaceholder(new Label(pairs ? "No two annotators yet." : "No batch with a figure yet."));
        return v;
    }
}
