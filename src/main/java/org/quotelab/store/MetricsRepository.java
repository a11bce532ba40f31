package org.quotelab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quotelab.domain.model.ClassMetricRow;
import org.quotelab.domain.model.ConfusionRecord;
import org.quotelab.domain.model.EpochMetrics;
import org.quotelab.domain.model.LossPoint;

/** Per-step loss and per-epoch metrics of runs; per-class rows and confusion matrices of versions. */
public final class MetricsRepository {
    private final Database db;

    public MetricsRepository(Database db) {
        this.db = db;
    }

    /** Appends loss points; trainers call it every few steps with what they buffered. */
    public void addLoss(List<LossPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO training_loss (run_id, step, epoch, loss) VALUES (?, ?, ?, ?)")) {
                for (LossPoint p : points) {
                    ps.setLong(1, p.runId());
                    ps.setInt(2, p.step());
                    ps.setInt(3, p.epoch());
                    ps.setDouble(4, p.loss());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Loss points of a run after {@code afterStep} (use -1 for all), so a chart can poll for new points. */
    public List<LossPoint> loss(long runId, int afterStep) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT step, epoch, loss FROM training_loss"
                    + " WHERE run_id = ? AND step > ? ORDER BY step")) {
                ps.setLong(1, runId);
                ps.setInt(2, afterStep);
                try (ResultSet rs = ps.executeQuery()) {
                    List<LossPoint> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new LossPoint(runId, rs.getInt(1), rs.getInt(2), rs.getDouble(3)));
                    }
                    return out;
                }
            }
        });
    }

    public void addEpoch(EpochMetrics m) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO epoch_metrics (run_id, epoch, train_loss,"
                    + " val_loss, accuracy, macro_f1, extra_json) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, m.runId());
                ps.setInt(2, m.epoch());
                ps.setDouble(3, m.trainLoss());
                ps.setDouble(4, m.valLoss());
                ps.setDouble(5, m.accuracy());
                ps.setDouble(6, m.macroF1());
                ps.setString(7, m.extraJson() == null ? "{}" : m.extraJson());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public List<EpochMetrics> epochs(long runId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM epoch_metrics WHERE run_id = ? ORDER BY epoch")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<EpochMetrics> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new EpochMetrics(runId, rs.getInt("epoch"), rs.getDouble("train_loss"),
                                rs.getDouble("val_loss"), rs.getDouble("accuracy"), rs.getDouble("macro_f1"),
                                rs.getString("extra_json")));
                    }
                    return out;
                }
            }
        });
    }

    /** Replaces the per-class rows of (version, eval set) with {@code rows}. */
    public void saveClassMetrics(long versionId, String evalSet, List<ClassMetricRow> rows) {
        db.write(c -> {
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM class_metrics WHERE model_version_id = ? AND eval_set = ?")) {
                del.setLong(1, versionId);
                del.setString(2, evalSet);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO class_metrics (model_version_id, eval_set,"
                    + " class_name, precision_value, recall_value, f1_value, support) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (ClassMetricRow r : rows) {
                    ps.setLong(1, versionId);
                    ps.setString(2, evalSet);
                    ps.setString(3, r.className());
                    ps.setDouble(4, r.precision());
                    ps.setDouble(5, r.recall());
                    ps.setDouble(6, r.f1());
                    ps.setInt(7, r.support());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public List<ClassMetricRow> classMetrics(long versionId, String evalSet) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM class_metrics"
                    + " WHERE model_version_id = ? AND eval_set = ? ORDER BY class_name")) {
                ps.setLong(1, versionId);
                ps.setString(2, evalSet);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ClassMetricRow> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new ClassMetricRow(versionId, evalSet, rs.getString("class_name"),
                                rs.getDouble("precision_value"), rs.getDouble("recall_value"),
                                rs.getDouble("f1_value"), rs.getInt("support")));
                    }
                    return out;
                }
            }
        });
    }

    public void saveConfusion(ConfusionRecord m) {
        db.write(c -> {
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM confusion_matrices WHERE model_version_id = ? AND eval_set = ?")) {
                del.setLong(1, m.modelVersionId());
                del.setString(2, m.evalSet());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO confusion_matrices (model_version_id,"
                    + " eval_set, classes_json, counts_json) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, m.modelVersionId());
                ps.setString(2, m.evalSet());
                ps.setString(3, Json.write(m.classes()));
                ps.setString(4, Json.write(m.counts()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<ConfusionRecord> confusion(long versionId, String evalSet) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT classes_json, counts_json FROM confusion_matrices"
                    + " WHERE model_version_id = ? AND eval_set = ?")) {
                ps.setLong(1, versionId);
                ps.setString(2, evalSet);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ConfusionRecord(versionId, evalSet, Json.readStrings(rs.getString(1)),
                            Json.readMatrix(rs.getString(2))));
                }
            }
        });
    }
}
