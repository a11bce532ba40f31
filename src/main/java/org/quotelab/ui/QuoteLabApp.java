package org.quotelab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.quotelab.service.AppHome;

/** The desktop workbench. */
public final class QuoteLabApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(QuoteLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        AppHome home = AppHome.resolve();
        BorderPane root = new BorderPane(new Label("QuoteLab data folder: " + home.root()));
        stage.setTitle("QuoteLab");
        stage.setScene(new Scene(root, 1200, 800));
        stage.show();
    }
}
