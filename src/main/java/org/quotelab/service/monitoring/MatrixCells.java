package org.quotelab.service.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.quotelab.domain.metrics.ClassMetrics;
import org.quotelab.domain.metrics.ClassificationReport;
import org.quotelab.domain.quote.Batch;
import org.quotelab.domain.model.ClassMetricRow;
import org.quotelab.domain.model.ModelVersion;
import org.quotelab.service.cascade.CascadeModel;
import org.quotelab.store.QuoteStore;

/**
 * The forgetting matrix's cells as stored evaluations: the per-class figures of a cascade on a
 * batch's labelled validation quotes, kept in the metrics store under the stage-1 version with
 * the eval set {@code batch:<id>:stage2:<id>}. Accuracy follows from recall and support.
 */
final class MatrixCells {
    private final QuoteStore store;

    MatrixCells(QuoteStore store) {
        this.store = store;
    }

    static String evalSet(long batchId, long stage2Id) {
        return "batch:" + batchId + ":stage2:" + stage2Id;
    }

    /**
     * Cascades recorded in the store, oldest first: each stage-1 version with the stage-2 version
     * from the same folder registered right after it (both stages are always registered in that
     * order, and one folder may be registered more than once).
     */
    List<ForgettingMatrix.Version> versions(Long activeStage1, Long activeStage2) {
        List<ModelVersion> twos = store.models().list(2);
        List<ForgettingMatrix.Version> out = new ArrayList<>();
        for (ModelVersion one : store.models().list(1)) {
            Path folder = Path.of(one.path()).getParent();
            List<ModelVersion> same = twos.stream()
                    .filter(two -> folder != null && folder.equals(Path.of(two.path()).getParent())).toList();
            Optional<ModelVersion> two = Long.valueOf(one.id()).equals(activeStage1)
                    ? same.stream().filter(t -> Long.valueOf(t.id()).equals(activeStage2)).findFirst()
                    : Optional.empty();
            if (two.isEmpty()) {
                two = same.stream().filter(t -> t.id() > one.id()).min(Comparator.comparingLong(ModelVersion::id));
            }
            two.ifPresent(t -> out.add(new ForgettingMatrix.Version(one.id(), t.id(), folder.toString(),
                    Long.valueOf(one.id()).equals(activeStage1) && Long.valueOf(t.id()).equals(activeStage2))));
        }
        out.sort(Comparator.comparingLong(ForgettingMatrix.Version::stage1Id));
        return out;
    }

    ForgettingMatrix read(List<Batch> batches, Long activeStage1, Long activeStage2) {
        List<ForgettingMatrix.Version> versions = versions(activeStage1, activeStage2);
        double[][] acc = new double[versions.size()][batches.size()];
        for (int i = 0; i < versions.size(); i++) {
            ForgettingMatrix.Version v = versions.get(i);
            for (int j = 0; j < batches.size(); j++) {
                acc[i][j] = accuracy(store.metrics().classMetrics(v.stage1Id(), evalSet(batches.get(j).id(),
                        v.stage2Id())));
            }
        }
        return new ForgettingMatrix(versions, batches, acc);
    }

    /** Stores the cell of {@code v} on {@code batch} from its labelled validation quotes' outcomes. */
    void store(ForgettingMatrix.Version v, Batch batch, List<BatchFigures.Outcome> eval, List<String> topics) {
        if (eval.isEmpty()) {
            return;
        }
        List<String> classes = new ArrayList<>();
        classes.add(CascadeModel.NOT_PERTINENT);
        classes.addAll(topics);
        int[] truth = new int[eval.size()];
        int[] predicted = new int[eval.size()];
        for (int i = 0; i < eval.size(); i++) {
            truth[i] = indexOf(classes, eval.get(i).truth());
            predicted[i] = indexOf(classes, eval.get(i).predicted());
        }
        ClassificationReport r = ClassificationReport.of(truth, predicted, classes);
        List<ClassMetricRow> rows = new ArrayList<>();
        String set = evalSet(batch.id(), v.stage2Id());
        for (ClassMetrics c : r.classes()) {
            rows.add(new ClassMetricRow(v.stage1Id(), set, c.label(), c.precision(), c.recall(), c.f1(),
                    (int) c.support()));
        }
        store.metrics().saveClassMetrics(v.stage1Id(), set, rows);
    }

    /** A topic the cascade does not know becomes a class of its own: its quotes count as wrong, not skipped. */
    private static int indexOf(List<String> classes, String name) {
        int k = classes.indexOf(name);
        if (k < 0) {
            classes.add(name);
            k = classes.size() - 1;
        }
        return k;
    }

    static double accuracy(List<ClassMetricRow> rows) {
        double correct = 0;
        long support = 0;
        for (ClassMetricRow r : rows) {
            correct += r.recall() * r.support();
            support += r.support();
        }
        return support == 0 ? Double.NaN : correct / support;
    }

    static boolean onDisk(ForgettingMatrix.Version v) {
        return Files.isRegularFile(Path.of(v.folder()).resolve(CascadeModel.FILE));
    }
}
