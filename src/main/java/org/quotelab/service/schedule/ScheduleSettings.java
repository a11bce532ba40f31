package org.quotelab.service.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Optional;
import org.quotelab.service.Json;
import org.quotelab.service.continual.UpdatePolicy;
import org.quotelab.store.SettingsRepository;

/**
 * The schedule as a person sets it: the watched folder, the update policy, how often to look, and
 * whether the app runs it while open. Kept under one settings key so it can later become per project.
 *
 * @param folder       the watched folder, or null when none is chosen
 * @param at           "HH:MM", or null
 * @param pollSeconds  seconds between two looks at the folder
 * @param enabled      whether the app runs the schedule while it is open
 */
public record ScheduleSettings(String folder, int everyBatches, long minNewLabels, boolean onDrift, String at,
                               boolean never, int pollSeconds, boolean enabled) {

    static final String KEY = "schedule.settings";
    public static final int DEFAULT_POLL_SECONDS = 60;

    public ScheduleSettings {
        if (pollSeconds < 1) {
            throw new IllegalArgumentException("the folder must be polled at least once every few seconds: poll seconds must be 1 or more, not " + pollSeconds);
        }
        folder = folder == null || folder.isBlank() ? null : folder.trim();
        at = at == null || at.isBlank() ? null : UpdatePolicy.parseTime(at).toString();
        new UpdatePolicy(everyBatches, minNewLabels, onDrift); // same checks as the policy, at once
    }

    public static ScheduleSettings defaults() {
        UpdatePolicy p = UpdatePolicy.defaults();
        return new ScheduleSettings(null, p.everyBatches(), p.minNewLabels(), p.onDrift(), null, false,
                DEFAULT_POLL_SECONDS, false);
    }

    public UpdatePolicy policy() {
        return new UpdatePolicy(everyBatches, minNewLabels, onDrift, at == null ? null : LocalTime.parse(at), never);
    }

    public Optional<Path> folderPath() {
        return Optional.ofNullable(folder).map(Path::of);
    }

    public ScheduleSettings withFolder(Path f) {
        return new ScheduleSettings(f == null ? null : f.toAbsolutePath().toString(), everyBatches, minNewLabels,
                onDrift, at, never, pollSeconds, enabled);
    }

    public ScheduleSettings withPolicy(UpdatePolicy p) {
        return new ScheduleSettings(folder, p.everyBatches(), p.minNewLabels(), p.onDrift(),
                p.at() == null ? null : p.at().toString(), p.never(), pollSeconds, enabled);
    }

    public ScheduleSettings withPollSeconds(int seconds) {
        return new ScheduleSettings(folder, everyBatches, minNewLabels, onDrift, at, never, seconds, enabled);
    }

    public ScheduleSettings withEnabled(boolean on) {
        return new ScheduleSettings(folder, everyBatches, minNewLabels, onDrift, at, never, pollSeconds, on);
    }

    /** The stored settings, or the defaults. Reads the store. */
    public static ScheduleSettings load(SettingsRepository settings) {
        return settings.get(KEY).map(json -> {
            try {
                return Json.MAPPER.readValue(json, ScheduleSettings.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return defaults();
            }
        }).orElse(defaults());
    }

    /** Writes the store. */
    public void save(SettingsRepository settings) {
        try {
            settings.put(KEY, Json.MAPPER.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the schedule settings: " + e.getMessage(), e);
        }
    }
}
