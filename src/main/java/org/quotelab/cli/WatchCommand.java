package org.quotelab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.quotelab.domain.continual.ScheduleEvent;
import org.quotelab.domain.jobs.CancellationToken;
import org.quotelab.service.StoreSession;
import org.quotelab.service.continual.Strategy;
import org.quotelab.service.continual.UpdatePolicy;
import org.quotelab.service.schedule.Schedule;
import org.quotelab.service.schedule.ScheduleSettings;
import org.quotelab.service.training.UpdateOptions;
import org.quotelab.service.training.UpdateRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** quotelab watch: the daily schedule without the app, until stopped or for one pass (cron, systemd timers). */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Watch a folder: each new CSV file is imported as a batch, scored by the active cascade and"
                + " checked for drift, and an update is launched when the policy says so (through the promotion"
                + " gate). Imported files move to DIR/done/, refused ones to DIR/rejected/ with NAME.error.txt.",
            "Without policy options the policy saved in the data folder (the app's Schedule panel) applies.",
            "Exit codes: 0 done (rejected files included), 1 error, 2 a step failed (see its message)."})
public final class WatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    StoreOptions storeOptions;
    @Parameters(index = "0", paramLabel = "DIR", description = "The folder new CSV files arrive in.")
    Path dir;
    @Option(names = "--once", description = "Handle what is in the folder now, then exit (for cron or a systemd timer).")
    boolean once;
    @Option(names = "--every-batches", paramLabel = "N", description = "Update after N new batches.")
    Integer everyBatches;
    @Option(names = "--min-labels", paramLabel = "M", description = "Update once the new batches hold M labels.")
    Long minLabels;
    @Option(names = "--on-drift", description = "Update when a new batch raises a drift alert.")
    boolean onDrift;
    @Option(names = "--at", paramLabel = "HH:MM", description = "Updates wait for this time of day (once a day).")
    String at;
    @Option(names = "--never", description = "Never update: only record what the policy proposes.")
    boolean never;
    @Option(names = "--poll-seconds", paramLabel = "S", defaultValue = "" + ScheduleSettings.DEFAULT_POLL_SECONDS,
            description = "Seconds between two looks at the folder (default: ${DEFAULT-VALUE}).")
    int pollSeconds;
    @Option(names = "--settle-seconds", paramLabel = "S", defaultValue = "2",
            description = "With --once: a file must keep its size for this long to count as complete (default: ${DEFAULT-VALUE}).")
    double settleSeconds;
    @Option(names = "--strategy", defaultValue = Strategy.DEFAULT,
            description = "Strategy of the launched updates, as for 'update' (default: ${DEFAULT-VALUE}).")
    String strategy;
    @Option(names = "--epochs", paramLabel = "N", description = "Epochs of the launched updates (default: as 'update').")
    Integer epochs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("the folder to watch does not exist: " + folder);
        }
        if (at != null) {
            UpdatePolicy.parseTime(at); // a bad time is an error before the store is opened
        }
        StoreSession session = storeOptions.open();
        boolean handedToHook = false;
        try {
            int interrupted = session.markInterruptedRuns();
            if (interrupted > 0) {
                err.println(interrupted + " training run(s) of an earlier process were marked interrupted");
            }
            Schedule schedule = session.schedule(storeOptions.home().models(), request());
            ScheduleSettings settings = settings(schedule.settings()).withFolder(folder);
            schedule.addStepListener(e -> print(out, err, e));
            out.printf("watching %s: %s%n", folder, settings.policy().describe());
            out.flush();
            if (once) {
                List<ScheduleEvent> events = schedule.runOnce(settings, Math.round(settleSeconds * 1000),
                        new CancellationToken());
                out.printf("done: %d step(s)%n", events.size());
                out.flush();
                return events.stream().anyMatch(e -> e.status() == ScheduleEvent.Status.FAILED
                        && e.kind() != ScheduleEvent.Kind.IMPORT) ? 2 : 0;
            }
            schedule.start(settings);
            handedToHook = true;
            return runUntilStopped(session, schedule, out);
        } finally {
            if (!handedToHook) {
                session.close();
            }
        }
    }

    /** Polls until SIGINT or SIGTERM: the hook stops the schedule (cancelling its step) and closes the store. */
    private int runUntilStopped(StoreSession session, Schedule schedule, PrintWriter out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("stopping the schedule");
            out.flush();
            schedule.stop();
            session.close();
            stopped.countDown();
        }, "quotelab-watch-stop"));
        stopped.await();
        return 0;
    }

    private ScheduleSettings settings(ScheduleSettings saved) {
        ScheduleSettings s = saved.withPollSeconds(pollSeconds);
        if (everyBatches == null && minLabels == null && !onDrift && at == null && !never) {
            return s;
        }
        return s.withPolicy(new UpdatePolicy(everyBatches == null ? 0 : everyBatches, minLabels == null ? 0 : minLabels,
                onDrift, at == null ? null : UpdatePolicy.parseTime(at), never));
    }

    private UpdateRequest request() {
        UpdateOptions d = UpdateOptions.defaults();
        return new UpdateOptions(List.of(), strategy, epochs == null ? d.epochs() : epochs, d.learningRate(),
                d.baseModel(), d.device()).toRequest();
    }

    private static void print(PrintWriter out, PrintWriter err, ScheduleEvent e) {
        String what = e.kind().name().toLowerCase() + " " + e.status().name().toLowerCase()
                + (e.fileName() == null ? "" : " " + e.fileName())
                + (e.batchIds().isEmpty() ? "" : " batch " + e.batchIds());
        String line = Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + what
                + (e.finished() && !e.detail().isEmpty() ? ": " + e.detail() : "");
        PrintWriter to = e.status() == ScheduleEvent.Status.FAILED || e.kind() == ScheduleEvent.Kind.REJECT ? err : out;
        to.println(line);
        to.flush();
    }
}
