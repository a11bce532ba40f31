package org.quotelab.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotelab.domain.quote.BatchSummary;
import org.quotelab.service.AppHome;
import org.quotelab.service.Workbench;
import org.quotelab.service.jobs.JobRunner;
import org.quotelab.ui.common.DirectJobs;

/**
 * The Data view-model on real services and a real H2 store, with jobs run on the test's thread:
 * no FX toolkit, no waiting. Checks the import wizard's states as the view would see them.
 */
class DataViewModelTest {
    private static final String HEADER = "quote_id,quote_text,label,topic,group";

    @TempDir
    Path dir;
    private Workbench wb;

    @BeforeEach
    void open() {
        wb = Workbench.open(new AppHome(dir.resolve("home")), new JobRunner(1));
    }

    @AfterEach
    void close() {
        wb.close();
    }

    private Path csv(String name, String rows) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, HEADER + "\n" + rows, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void previewThenImportStoresTheBatchAndShowsIt() throws Exception {
        DataViewModel vm = new DataViewModel(wb, DirectJobs.immediate());
        List<Boolean> busy = new ArrayList<>();
        vm.busyProperty().addListener((o, a, b) -> busy.add(b));
        int[] imports = {0};
        vm.setAfterImport(() -> imports[0]++);

        vm.openFile(csv("day.csv", "q1,The battery lasts,1,battery,g\nq2,Screen is dim,1,screen,g\nq3,Nice box,0,,g\n"));
        assertNotNull(vm.previewProperty().get());
        assertEquals(5, vm.mapping().size(), "one mapping row per column");
        vm.dayProperty().set("day-monday");
        vm.startImport();

        assertEquals(List.of(true, false), busy, "busy for the import only");
        assertTrue(vm.messageProperty().get().startsWith("Imported 3 quotes (3 labelled) into 1 batch(es)"),
                vm.messageProperty().get());
        assertNull(vm.previewProperty().get(), "the wizard closes");
        assertEquals(1, imports[0]);
        BatchSummary b = vm.batches().get(0);
        assertEquals("day-monday", b.batch().day());
        assertEquals(3, b.batch().rowCount());
        assertEquals(List.of(b), wb.imports().batchSummaries(), "the list shows what the store holds");
        assertTrue(vm.errors().isEmpty());
    }

    @Test
    void aRefusedImportShowsItsErrorAndStoresNothing() throws Exception {
        DataViewModel vm = new DataViewModel(wb, DirectJobs.immediate());
        vm.openFile(csv("bad.csv", "q1,Fine,1,screen,g\nq2,Broken label,7,screen,g\n"));
        vm.startImport();

        assertFalse(vm.busyProperty().get());
        assertEquals("Import refused: nothing was stored.", vm.messageProperty().get());
        assertEquals(3, vm.errors().get(0).line());
        assertTrue(vm.batches().isEmpty());
        assertTrue(wb.imports().batchSummaries().isEmpty());
        assertNotNull(vm.previewProperty().get(), "the wizard stays open to fix the mapping");
    }

    @Test
    void aSecondImportWaitsForTheFirstToEnd() throws Exception {
        DirectJobs jobs = DirectJobs.held();
        DataViewModel vm = new DataViewModel(wb, jobs);
        vm.openFile(csv("day.csv", "q1,The battery lasts,1,battery,g\n"));
        jobs.runPending();

        vm.startImport();
        assertTrue(vm.busyProperty().get());
        vm.startImport();
        vm.importSamples();
        vm.closePreview();
        assertNotNull(vm.previewProperty().get(), "the wizard cannot close under a running import");
        assertEquals(List.of("Previewing day.csv", "Importing day.csv"), jobs.titles(), "one import at a time");

        jobs.runPending(); // the import, then the batch list it asks for
        assertFalse(vm.busyProperty().get());
        assertEquals(1, vm.batches().size());
        assertEquals(1, wb.imports().batchSummaries().size());
    }
}
