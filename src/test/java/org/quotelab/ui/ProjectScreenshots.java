package org.quotelab.ui;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.Workbench;

/**
 * Takes docs/screenshots/projects.png (the project switcher, open) and schema.png (the label
 * schema editor) from the real window with the app's own snapshot, on a fresh data folder that
 * imported the sample days. Every window on screen (popups, dialogs) is drawn over the main one
 * where it stands. Run by docs/screenshots/take-projects.sh (headless Monocle, no display needed).
 */
public final class ProjectScreenshots {
    private ProjectScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Path dir = Files.createTempDirectory("quotelab-shots");
        Workbench wb = UiFixture.workbench(dir);
        wb.sampleDays().importJob().run((f, m) -> { }, new CancellationToken());
        wb.projects().create("Restaurants (second domain)");
        wb.projects().create("Hotels");
        Platform.startup(() -> { });
        Stage stage = fx(() -> {
            Stage s = new Stage();
            WorkbenchWindow window = new WorkbenchWindow(wb, new org.quotelab.ui.common.FxJobs(wb.jobs()), 1280, 800);
            s.setScene(window.scene());
            s.setTitle("QuoteLab");
            s.show();
            window.main().show(WorkbenchWindow.REVIEW);
            s.setUserData(window);
            return s;
        });
        Thread.sleep(6000); // the Review page, counts and the legend load in jobs
        WorkbenchWindow window = (WorkbenchWindow) stage.getUserData();
        @SuppressWarnings("unchecked")
        ComboBox<Object> switcher = fx(() -> (ComboBox<Object>) stage.getScene().lookup("#project-switcher"));
        fx(() -> {
            switcher.show();
            return null;
        });
        Thread.sleep(1000);
        save(stage, out.resolve("projects.png"));
        fx(() -> {
            switcher.hide();
            window.editSchema();
            return null;
        });
        Thread.sleep(3000);
        fx(() -> {
            for (Window w : Window.getWindows()) {
                if (w != stage && w.getScene().lookup("#schema-table") instanceof TableView<?> t) {
                    t.getSelectionModel().select(0);
                }
            }
            return null;
        });
        Thread.sleep(1000);
        save(stage, out.resolve("schema.png"));
        fx(() -> {
            Window.getWindows().stream().toList().forEach(Window::hide);
            return null;
        });
        wb.close();
        Platform.exit();
        System.exit(0);
    }

    /** The main window with every other window drawn over it at its place. */
    private static void save(Stage main, Path file) throws Exception {
        BufferedImage image = fx(() -> {
            BufferedImage base = SwingFXUtils.fromFXImage(main.getScene().snapshot(null), null);
            Graphics2D g = base.createGraphics();
            for (Window w : Window.getWindows()) {
                if (w != main && w.isShowing() && w.getScene() != null) {
                    BufferedImage over = SwingFXUtils.fromFXImage(w.getScene().snapshot(null), null);
                    g.drawImage(over, (int) (w.getX() + w.getScene().getX() - main.getX() - main.getScene().getX()),
                            (int) (w.getY() + w.getScene().getY() - main.getY() - main.getScene().getY()), null);
                }
            }
            g.dispose();
            return base;
        });
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        System.out.println("saved " + file);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }
}
