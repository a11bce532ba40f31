package org.quotelab.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quotelab.domain.drift.BatchDrift;
import org.quotelab.domain.drift.DriftTest;
import org.quotelab.domain.drift.Severity;

/** Drift figures per batch and pair of model versions, as the Monitoring job last computed them. */
public final class DriftRepository {
    private final Database db;
    private final long projectId;

    DriftRepository(Database db, long projectId) {
        this.db = db;
        this.projectId = projectId;
    }

    /** Stores the figures, replacing earlier ones of the same batch and versions; one transaction. */
    public void saveAll(List<BatchDrift> drifts) {
        if (drifts.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM batch_drift"
                    + " WHERE stage1_version_id = ? AND stage2_version_id = ? AND batch_id = ?");
                    PreparedStatement ins = c.prepareStatement("INSERT INTO batch_drift (batch_id, stage1_version_id,"
                            + " stage2_version_id, reference_json, reference_size, current_size, mmd2, mmd_p_value,"
                            + " prediction_js, prediction_psi, ks_statistic, ks_p_value, estimated_accuracy,"
                            + " reference_estimated, label_js, label_psi, alerts_json, explaining_json, computed_at,"
                            + " severity, tests_json, notes_json)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (BatchDrift d : drifts) {
                    long s2 = d.stage2VersionId() == null ? 0L : d.stage2VersionId();
                    del.setLong(1, d.stage1VersionId());
                    del.setLong(2, s2);
                    del.setLong(3, d.batchId());
                    del.addBatch();
                    int i = 1;
                    ins.setLong(i++, d.batchId());
                    ins.setLong(i++, d.stage1VersionId());
                    ins.setLong(i++, s2);
                    ins.setString(i++, Json.write(d.referenceBatchIds()));
                    ins.setInt(i++, d.referenceSize());
                    ins.setInt(i++, d.currentSize());
                    ins.setDouble(i++, d.mmd2());
                    ins.setDouble(i++, d.mmdPValue());
                    ins.setDouble(i++, d.predictionJs());
                    ins.setDouble(i++, d.predictionPsi());
                    ins.setDouble(i++, d.ksStatistic());
                    ins.setDouble(i++, d.ksPValue());
                    ins.setDouble(i++, d.estimatedAccuracy());
                    ins.setDouble(i++, d.referenceEstimatedAccuracy());
                    setDouble(ins, i++, d.labelJs());
                    setDouble(ins, i++, d.labelPsi());
                    ins.setString(i++, Json.write(d.alerts()));
                    ins.setString(i++, Json.write(d.explainingQuoteIds()));
                    Jdbc.setInstant(ins, i++, d.computedAt() == null ? Instant.now() : d.computedAt());
                    ins.setString(i++, d.severity() == null ? null : d.severity().name());
                    ins.setString(i++, Json.write(d.tests()));
                    ins.setString(i, Json.write(d.notes()));
                    ins.addBatch();
                }
                del.executeBatch();
                ins.executeBatch();
            }
            return null;
        });
    }

    /** The figures of one pair of versions by batch id. */
    public Map<Long, BatchDrift> forVersions(long stage1VersionId, Long stage2VersionId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM batch_drift"
                    + " WHERE stage1_version_id = ? AND stage2_version_id = ? ORDER BY batch_id")) {
                ps.setLong(1, stage1VersionId);
                ps.setLong(2, stage2VersionId == null ? 0L : stage2VersionId);
                return collect(ps);
            }
        });
    }

    /** The most recently computed figures of every batch, whatever the versions: for the Data view's badge. */
    public Map<Long, BatchDrift> latestPerBatch() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT d.* FROM batch_drift d"
                    + " JOIN batches b ON b.id = d.batch_id WHERE b.project_id = ? ORDER BY d.computed_at")) {
                ps.setLong(1, projectId);
                return collect(ps);
            }
        });
    }

    private static Map<Long, BatchDrift> collect(PreparedStatement ps) throws SQLException {
        Map<Long, BatchDrift> out = new LinkedHashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                BatchDrift d = map(rs);
                out.put(d.batchId(), d);
            }
        }
        return out;
    }

    private static BatchDrift map(ResultSet rs) throws SQLException {
        long s2 = rs.getLong("stage2_version_id");
        return new BatchDrift(rs.getLong("batch_id"), rs.getLong("stage1_version_id"), s2 == 0 ? null : s2,
                longs(rs.getString("reference_json")), rs.getInt("reference_size"), rs.getInt("current_size"),
                rs.getDouble("mmd2"), rs.getDouble("mmd_p_value"), rs.getDouble("prediction_js"),
                rs.getDouble("prediction_psi"), rs.getDouble("ks_statistic"), rs.getDouble("ks_p_value"),
                rs.getDouble("estimated_accuracy"), rs.getDouble("reference_estimated"), getDouble(rs, "label_js"),
                getDouble(rs, "label_psi"), longs(rs.getString("explaining_json")),
                Json.readStrings(rs.getString("alerts_json")), Jdbc.getInstant(rs, "computed_at"),
                Severity.parse(rs.getString("severity")), tests(rs.getString("tests_json")),
                rs.getString("notes_json") == null ? List.of() : Json.readStrings(rs.getString("notes_json")));
    }

    private static List<DriftTest> tests(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return Json.MAPPER.readValue(json, new TypeReference<List<DriftTest>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt drift tests JSON: " + e.getMessage(), e);
        }
    }

    private static List<Long> longs(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<List<Long>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt id list JSON: " + e.getMessage(), e);
        }
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null || value.isNaN()) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    private static Double getDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
