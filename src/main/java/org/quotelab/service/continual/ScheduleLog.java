package org.quotelab.service.continual;

import java.util.function.Consumer;
import org.quotelab.domain.continual.ScheduleEvent;
import org.quotelab.domain.continual.ScheduleEvent.Status;
import org.quotelab.store.ScheduleRepository;

/**
 * Writes the schedule's steps to the store and tells a listener as each one starts and ends, so
 * {@code quotelab watch} can print them live.
 */
public final class ScheduleLog {
    private final ScheduleRepository events;
    private final Consumer<ScheduleEvent> listener;

    public ScheduleLog(ScheduleRepository events, Consumer<ScheduleEvent> listener) {
        this.events = events;
        this.listener = listener == null ? e -> { } : listener;
    }

    ScheduleEvent start(ScheduleEvent e) {
        return tell(events.start(e));
    }

    ScheduleEvent finish(ScheduleEvent e) {
        return tell(events.finish(e));
    }

    ScheduleEvent record(ScheduleEvent e, Status outcome, String detail) {
        return tell(events.record(e, outcome, detail));
    }

    private ScheduleEvent tell(ScheduleEvent e) {
        listener.accept(e);
        return e;
    }
}
