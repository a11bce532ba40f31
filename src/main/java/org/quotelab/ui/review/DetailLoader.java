package org.quotelab.ui.review;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.quotelab.domain.quote.QuoteRow;
import org.quotelab.service.jobs.Job;
import org.quotelab.service.review.QuoteDetail;
import org.quotelab.ui.common.UiJobs;

/**
 * The Review detail pane's data: the selected quote at once, its label history from a background
 * read. While one read runs only the latest wish is kept, so fast scrolling queues no reads.
 */
final class DetailLoader {

    /** Reads one quote's detail; runs on a job thread. */
    interface Reader {
        QuoteDetail read(long quoteId) throws Exception;
    }

    private final UiJobs jobs;
    private final Reader reader;
    private final Consumer<Throwable> failed;
    private final ReadOnlyObjectWrapper<QuoteDetail> detail = new ReadOnlyObjectWrapper<>();
    private Long wanted;
    private boolean running;

    DetailLoader(UiJobs jobs, Reader reader, Consumer<Throwable> failed) {
        this.jobs = jobs;
        this.reader = reader;
        this.failed = failed;
    }

    ReadOnlyObjectProperty<QuoteDetail> property() {
        return detail.getReadOnlyProperty();
    }

    void select(QuoteRow row) {
        if (row == null) {
            detail.set(null);
            wanted = null;
            return;
        }
        detail.set(new QuoteDetail(row.quote(), row.label(), detail.get() != null
                && detail.get().quote().id() == row.quote().id() ? detail.get().history() : List.of()));
        refresh(row.quote().id());
    }

    /** Reads the quote again when it is the one shown (after an edit of it). */
    void refresh(long quoteId) {
        if (detail.get() == null || detail.get().quote().id() != quoteId) {
            return;
        }
        wanted = quoteId;
        if (running) {
            return;
        }
        running = true;
        long id = quoteId;
        Job<QuoteDetail> read = (p, c) -> reader.read(id);
        jobs.run("Reading label history", read, d -> {
            running = false;
            if (detail.get() != null && detail.get().quote().id() == d.quote().id()) {
                detail.set(d);
            }
            if (wanted != null && wanted != id) {
                refresh(wanted);
            }
        }, () -> running = false, e -> {
            running = false;
            failed.accept(e);
        });
    }
}
