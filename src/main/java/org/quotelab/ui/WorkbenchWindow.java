package org.quotelab.ui;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.service.Workbench;
import org.quotelab.ui.common.Feature;
import org.quotelab.ui.common.FxJobs;
import org.quotelab.ui.data.DataView;
import org.quotelab.ui.data.DataViewModel;
import org.quotelab.ui.monitoring.AgreementViewModel;
import org.quotelab.ui.monitoring.MonitoringView;
import org.quotelab.ui.monitoring.MonitoringViewModel;
import org.quotelab.ui.evaluation.EvaluationView;
import org.quotelab.ui.evaluation.EvaluationViewModel;
import org.quotelab.ui.models.ModelsView;
import org.quotelab.ui.models.ModelsViewModel;
import org.quotelab.ui.projects.AnnotatorButton;
import org.quotelab.ui.projects.AnnotatorViewModel;
import org.quotelab.ui.projects.ProjectBar;
import org.quotelab.ui.projects.ProjectsViewModel;
import org.quotelab.ui.projects.SchemaEditor;
import org.quotelab.ui.projects.SchemaViewModel;
import javafx.scene.layout.BorderPane;
import org.quotelab.ui.review.ReviewView;
import org.quotelab.ui.review.ReviewViewModel;
import org.quotelab.ui.schedule.ScheduleView;
import org.quotelab.ui.schedule.ScheduleViewModel;
import org.quotelab.ui.threshold.ThresholdView;
import org.quotelab.ui.threshold.ThresholdViewModel;
import org.quotelab.ui.training.FirstModelBanner;
import org.quotelab.ui.training.TrainingView;
import org.quotelab.ui.training.TrainingViewModel;

/**
 * Builds the views on an open workbench and wires them to each other and to the status bar.
 * Separate from the Application so tests and the screenshot tool get the same window.
 */
public final class WorkbenchWindow {
    public static final String DATA = "Data";
    public static final String REVIEW = "Review";
    public static final String THRESHOLD = "Threshold";
    public static final String MONITORING = "Monitoring";
    public static final String SCHEDULE = "Schedule";
    public static final String TRAINING = "Training";
    public static final String EVALUATION = "Evaluation";
    public static final String MODELS = "Models";
    static final String STYLESHEET = "/org/quotelab/ui/quotelab.css";
    /** The status bar's device until a job has loaded the engine. */
    public static final String NOT_LOADED = "not loaded yet";
    /** Quits the app. */
    public static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    private final Workbench workbench;
    private final FxJobs jobs;
    private final ProjectsViewModel projects;
    private final BorderPane frame = new BorderPane();
    // the view-models and views of the current project: all built anew when the project changes
    private DataViewModel data;
    private ReviewViewModel review;
    private ThresholdViewModel threshold;
    private MonitoringViewModel monitoring;
    private AgreementViewModel agreement;
    private TrainingViewModel training;
    private EvaluationViewModel evaluation;
    private ModelsViewModel models;
    private ScheduleViewModel schedule;
    private MainWindow main;
    private final Scene scene;
    private boolean quickStartPending;
    private boolean thresholdStale;
    private Runnable onQuit = Platform::exit;

    public WorkbenchWindow(Workbench workbench, FxJobs jobs, double width, double height) {
        this.workbench = workbench;
        this.jobs = jobs;
        this.projects = new ProjectsViewModel(workbench, jobs, () -> jobs.running().size(), p -> rebuild());
        ProjectBar bar = new ProjectBar(projects, this::editSchema);
        // a new annotator name rebuilds the services, so every view is built again as after a project switch
        bar.add(new AnnotatorButton(new AnnotatorViewModel(workbench, jobs, () -> jobs.running().size(),
                this::rebuild)).root());
        frame.setTop(bar.root());
        build();
        this.scene = new Scene(frame, width, height);
        scene.getStylesheets().add(WorkbenchWindow.class.getResource(STYLESHEET).toExternalForm());
        main.installShortcuts(scene);
        // Ctrl+Q (Cmd+Q on macOS) quits, as in other desktop apps; stop() closes the store
        scene.getAccelerators().put(QUIT, () -> onQuit.run());
        main.deviceLabel().setText("Device: " + NOT_LOADED);
        refreshStatus();
        projects.reload();
        // asking for the device would load PyTorch (430 MB unpacked) before the user did anything:
        // the first scoring, training or evaluation loads it, and the status bar follows
        workbench.computeDeviceWhenLoaded().whenComplete((device, e) -> Platform.runLater(() -> {
            setComputeDevice(e == null ? device : "unavailable (" + e.getMessage() + ")");
            training.detectDevices();
        }));
    }

    /**
     * After a project switch: every view-model and view is built again on the new project's
     * services, and the view on screen is shown again, reading the new project's data.
     */
    private void rebuild() {
        String view = main.currentProperty().get();
        String device = main.deviceLabel().getText();
        build();
        main.installShortcuts(scene);
        main.deviceLabel().setText(device);
        refreshStatus();
        if (view != null) {
            main.show(view);
        }
    }

    /** Opens the label-schema editor of the current project; Review redraws its legend after each edit. */
    public void editSchema() {
        new SchemaEditor(new SchemaViewModel(workbench, jobs, () -> review.reload()))
                .show(scene == null ? null : scene.getWindow());
    }

    private void build() {
        this.data = new DataViewModel(workbench, jobs);
        this.review = new ReviewViewModel(workbench, jobs);
        // a new threshold changes which rows Review calls uncertain
        this.threshold = new ThresholdViewModel(workbench, jobs, () -> review.reload());
        this.evaluation = new EvaluationViewModel(workbench, jobs, cell -> {
            review.focus(cell);
            main().show(REVIEW); // main exists by the time a cell is clicked
        });
        this.models = new ModelsViewModel(workbench, jobs, () -> {
            refreshStatus();
            review.reload();
            thresholdChanged(); // a promoted or rolled-back cascade has its own sweep
            evaluation.reload(); // its "active" marks changed
        });
        // new active versions change the status bar and Review's predictions
        this.training = new TrainingViewModel(workbench, jobs, () -> {
            refreshStatus();
            review.reload();
            thresholdChanged(); // the new active cascade, without pressing Reload
            evaluation.reload();
            models.reload();
        });
        // new drift figures change the Data view's badges
        this.monitoring = new MonitoringViewModel(workbench.monitoring(), jobs, () -> data.refreshBatches());
        // a new assignment changes which batches Review marks as the annotator's
        data.assignments().setAfterChange(() -> review.reload());
        this.agreement = new AgreementViewModel(workbench.agreement(), jobs, () -> {
            review.setFilters(review.filtersProperty().get().withAnnotatorsDisagree(true));
            main().show(REVIEW);
        });
        // a step's links open its batch in Review and its version in Models
        this.schedule = new ScheduleViewModel(workbench.schedule(), jobs, batch -> {
            review.setFilters(review.filtersProperty().get().withBatch(batch));
            main().show(REVIEW);
        }, version -> {
            models.show(version);
            main().show(MODELS);
        });
        // built lazily by MainWindow the first time each is shown; loading starts then
        List<Feature> features = List.of(
                new Feature(DATA, "data", shortcut(KeyCode.DIGIT1), () -> {
                    data.refreshBatches();
                    return new DataView(data).root();
                }),
                new Feature(REVIEW, "review", shortcut(KeyCode.DIGIT2), () -> {
                    review.reload();
                    training.reload();
                    return FirstModelBanner.above(new ReviewView(review).root(), training, this::showTraining);
                }),
                new Feature(THRESHOLD, "threshold", shortcut(KeyCode.DIGIT3), () -> {
                    threshold.reload();
                    return new ThresholdView(threshold).root();
                }),
                new Feature(TRAINING, "training", shortcut(KeyCode.DIGIT4), () -> {
                    training.reload();
                    return new TrainingView(training).root();
                }),
                new Feature(EVALUATION, "evaluation", shortcut(KeyCode.DIGIT5), () -> {
                    evaluation.reload();
                    return new EvaluationView(evaluation).root();
                }),
                new Feature(MODELS, "models", shortcut(KeyCode.DIGIT6), () -> {
                    models.reload();
                    return new ModelsView(models).root();
                }),
                new Feature(MONITORING, "monitoring", shortcut(KeyCode.DIGIT7), () -> {
                    monitoring.loadStored();
                    agreement.load();
                    return new MonitoringView(monitoring, agreement).root();
                }),
                new Feature(SCHEDULE, "schedule", shortcut(KeyCode.DIGIT8), () -> {
                    schedule.reload();
                    return new ScheduleView(schedule).root();
                }));
        data.setAfterImport(() -> {
            if (quickStartPending) {
                // the first start: a model serves within about a minute, the full one follows
                quickStartPending = false;
                training.quickStart();
            }
            review.reload();
            training.reload();
            refreshStatus();
        });
        this.main = new MainWindow(features, jobs);
        frame.setCenter(main.root());
        main.currentProperty().addListener((o, a, view) -> {
            if (THRESHOLD.equals(view) && thresholdStale) {
                thresholdStale = false;
                threshold.reload();
            }
        });
        main.currentProperty().addListener((o, a, view) -> jobs.run("Remembering the view", (p, c) -> {
            workbench.preferences().setLastView(view);
            return null;
        }, x -> { }, () -> { }, e -> { }));
    }

    /** The project switcher's state. */
    public ProjectsViewModel projects() {
        return projects;
    }

    /**
     * The active cascade changed: the Threshold view shows the new one now if on screen, else the
     * next time it is shown (its sweep scores the validation quotes: not worth doing unseen).
     */
    private void thresholdChanged() {
        if (THRESHOLD.equals(main().currentProperty().get())) {
            threshold.reload();
        } else {
            thresholdStale = true;
        }
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    /** Shows the view saved at the last exit, or Data on a first start. */
    public void open(String view, boolean firstRun) {
        if (firstRun) {
            main.show(DATA);
            quickStartPending = true;
            data.importSamples();
        } else if (view != null) {
            main.show(view);
        }
    }

    private void showTraining() {
        main.show(TRAINING);
    }

    /** What Ctrl+Q does; the app quits, a test may watch instead. */
    public void setOnQuit(Runnable r) {
        onQuit = r;
    }

    /** Reads the active model versions, and which kind of model serves, into the status bar. */
    public void refreshStatus() {
        jobs.run("Reading model versions", (p, c) -> workbench.activeModels(), m -> {
            main.versionsLabel().setText(serving(m.stage1().orElse(null)) + "Stage 1: " + version(m.stage1().orElse(null))
                    + "   Stage 2: " + version(m.stage2().orElse(null)));
            main.versionsLabel().setTooltip(m.stage1().map(v -> new javafx.scene.control.Tooltip(
                    "Stage 1 v" + v.id() + ": " + v.statusReason())).orElse(null));
        }, () -> { }, e -> main.versionsLabel().setText("Models: unknown"));
    }

    /** Which kind of model serves: the quick-start one (frozen encoder, linear heads) or a fine-tuned one. */
    static String serving(ModelVersion stage1) {
        if (stage1 == null) {
            return "No model yet   ";
        }
        return "Serving: " + (quickStart(stage1) ? "quick-start model" : "fine-tuned model") + "   ";
    }

    /** The quick-start versions say so in their provenance (ml.train.FrozenEncoderHeads.METHOD). */
    public static boolean quickStart(ModelVersion v) {
        return v.provenanceJson() != null && v.provenanceJson().contains("frozen encoder + linear head");
    }

    private static String version(ModelVersion v) {
        return v == null ? "none" : "v" + v.id();
    }

    /** For the ML side: the device scoring and training run on, e.g. "CPU (2 threads)" or "CUDA:0". */
    public void setComputeDevice(String device) {
        main.deviceLabel().setText("Device: " + device);
    }

    public Scene scene() {
        return scene;
    }

    public MainWindow main() {
        return main;
    }

    public DataViewModel data() {
        return data;
    }

    public ReviewViewModel review() {
        return review;
    }

    public ThresholdViewModel threshold() {
        return threshold;
    }

    public MonitoringViewModel monitoring() {
        return monitoring;
    }

    public AgreementViewModel agreement() {
        return agreement;
    }

    public TrainingViewModel training() {
        return training;
    }

    public EvaluationViewModel evaluation() {
        return evaluation;
    }

    public ModelsViewModel models() {
        return models;
    }

    public ScheduleViewModel schedule() {
        return schedule;
    }

    public FxJobs jobs() {
        return jobs;
    }
}
