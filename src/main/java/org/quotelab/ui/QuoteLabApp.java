package org.quotelab.ui;

import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.quotelab.service.AppHome;
import org.quotelab.service.StoreInUseException;
import org.quotelab.service.Workbench;
import org.quotelab.ui.projects.AnnotatorDialog;
import org.quotelab.service.jobs.JobRunner;
import org.quotelab.ui.common.FxJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop workbench. Start shows a splash at once and opens the store in a job (migrations
 * and H2's recovery can take a moment); the window replaces the splash when the store is open.
 */
public final class QuoteLabApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(QuoteLabApp.class);
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    private record Opened(Workbench workbench, boolean firstRun, String lastView, StoreInUseException locked,
            boolean annotatorChosen) {
    }

    private JobRunner runner;
    private volatile Workbench workbench;

    public static void launchApp(String[] args) {
        Application.launch(QuoteLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        AppHome home = AppHome.resolve();
        runner = new JobRunner(Workbench.JOB_THREADS);
        FxJobs jobs = new FxJobs(runner);
        stage.setTitle("QuoteLab");
        appIcon().ifPresent(stage.getIcons()::add);
        stage.setScene(splash(home));
        stage.show();
        jobs.run("Opening the data folder", (p, c) -> {
            Workbench wb;
            try {
                wb = Workbench.open(home, runner);
            } catch (StoreInUseException e) {
                // an expected situation, not a failure: returned rather than thrown so that no
                // stack trace is logged for it; the dialog below explains it
                LOG.info("the data folder {} is in use by another QuoteLab", home.root());
                return new Opened(null, false, null, e, true);
            }
            workbench = wb;
            return new Opened(wb, wb.isEmpty(), wb.preferences().lastView().orElse(null), null, wb.annotatorChosen());
        }, opened -> {
            if (opened.locked() != null) {
                openFailed(home, opened.locked());
                return;
            }
            if (opened.annotatorChosen()) {
                showWindow(stage, home, jobs, opened);
                return;
            }
            // the first start on this machine: who labels here? (the OS user unless told otherwise)
            Workbench wb = opened.workbench();
            String name = AnnotatorDialog.ask(stage, wb.author(), true).orElse(wb.author());
            // a name that cannot be saved is asked for again at the next start; the window opens anyway
            jobs.run("Saving the annotator name", (p, c) -> wb.setAnnotator(name),
                    n -> showWindow(stage, home, jobs, opened), () -> showWindow(stage, home, jobs, opened), e -> {
                        LOG.warn("cannot save the annotator name: {}", e.getMessage());
                        showWindow(stage, home, jobs, opened);
                    });
        }, Platform::exit, e -> openFailed(home, e));
    }

    private static void showWindow(Stage stage, AppHome home, FxJobs jobs, Opened opened) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WorkbenchWindow window = new WorkbenchWindow(opened.workbench(), jobs,
                Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        stage.setScene(window.scene());
        // the splash was centred at its own size; centre the full window again
        stage.sizeToScene();
        stage.centerOnScreen();
        stage.setTitle("QuoteLab - " + home.root());
        window.open(opened.lastView(), opened.firstRun());
    }

    private static Scene splash(AppHome home) {
        Label title = new Label("QuoteLab");
        title.getStyleClass().add("splash-title");
        ProgressBar bar = new ProgressBar(-1);
        bar.setPrefWidth(260);
        Label where = new Label("Opening " + home.root() + " ...");
        VBox box = new VBox(14, title, bar, where);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("splash");
        Scene s = new Scene(box, 480, 260);
        s.getStylesheets().add(QuoteLabApp.class.getResource(WorkbenchWindow.STYLESHEET).toExternalForm());
        return s;
    }

    private void openFailed(AppHome home, Throwable e) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("QuoteLab");
        if (locked(e)) {
            alert.setHeaderText("QuoteLab is already running with this data folder");
            alert.setContentText("Another QuoteLab window or command has " + home.root() + " open.\n"
                    + "Switch to it, or close it and start QuoteLab again.");
        } else {
            LOG.error("cannot open the data folder {}", home.root(), e);
            alert.setHeaderText("QuoteLab cannot open its data folder");
            alert.setContentText(home.root() + "\n\n" + e.getMessage());
        }
        alert.showAndWait();
        Platform.exit();
    }

    static boolean locked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreInUseException) {
                return true;
            }
        }
        return false;
    }

    /** The window icon rendered for the installers (icons/quotelab.png), when the build bundled it. */
    private static Optional<Image> appIcon() {
        var url = QuoteLabApp.class.getResource("/org/quotelab/icons/quotelab.png");
        return url == null ? Optional.empty() : Optional.of(new Image(url.toExternalForm()));
    }

    @Override
    public void stop() {
        // closing the workbench closes the runner too; without one (open failed) close the runner alone
        Workbench wb = workbench;
        if (wb != null) {
            wb.close();
        } else if (runner != null) {
            runner.close();
        }
    }
}
