package org.quotelab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.quotelab.domain.quote.Page;
import org.quotelab.domain.quote.Prediction;

/** Cached cascade outputs per quote and pair of model versions. */
public final class PredictionRepository {
    private static final String COLUMNS = "p.quote_id AS p_quote, p.stage1_version_id, p.stage2_version_id,"
            + " p.p_in_topic, p.topic_probs_json, p.predicted_label, p.predicted_topic, p.confidence,"
            + " p.unfamiliar, p.unfamiliar_flag";

    private final Database db;

    public PredictionRepository(Database db) {
        this.db = db;
    }

    /** Stores predictions, replacing earlier ones for the same quote and versions; one transaction. */
    public void saveAll(List<Prediction> predictions) {
        if (predictions.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        db.write(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM predictions"
                    + " WHERE stage1_version_id = ? AND stage2_version_id = ? AND quote_id = ?");
                    PreparedStatement ins = c.prepareStatement("INSERT INTO predictions (quote_id, stage1_version_id,"
                            + " stage2_version_id, p_in_topic, topic_probs_json, predicted_label, predicted_topic,"
                            + " confidence, created_at, unfamiliar, unfamiliar_flag)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Prediction p : predictions) {
                    long s2 = p.stage2VersionId() == null ? 0L : p.stage2VersionId();
                    del.setLong(1, p.stage1VersionId());
                    del.setLong(2, s2);
                    del.setLong(3, p.quoteId());
                    del.addBatch();
                    ins.setLong(1, p.quoteId());
                    ins.setLong(2, p.stage1VersionId());
                    ins.setLong(3, s2);
                    ins.setDouble(4, p.pInTopic());
                    // sorted keys make the stored text deterministic
                    ins.setString(5, Json.write(new TreeMap<>(p.topicProbabilities())));
                    ins.setInt(6, p.predictedLabel());
                    ins.setString(7, p.predictedTopic());
                    ins.setDouble(8, p.confidence());
                    Jdbc.setInstant(ins, 9, now);
                    ins.setObject(10, p.unfamiliar(), java.sql.Types.DOUBLE);
                    ins.setObject(11, p.unfamiliarFlag(), java.sql.Types.BOOLEAN);
                    ins.addBatch();
                }
                del.executeBatch();
                ins.executeBatch();
            }
            return null;
        });
    }

    public Optional<Prediction> find(long quoteId, long stage1VersionId, Long stage2VersionId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM predictions p"
                    + " WHERE p.stage1_version_id = ? AND p.stage2_version_id = ? AND p.quote_id = ?")) {
                ps.setLong(1, stage1VersionId);
                ps.setLong(2, stage2VersionId == null ? 0L : stage2VersionId);
                ps.setLong(3, quoteId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** All predictions of one version pair, keyset-paged on quote id. */
    public Page<Prediction> page(long stage1VersionId, Long stage2VersionId, long afterQuoteId, int limit) {
        Jdbc.checkLimit(limit);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM predictions p"
                    + " WHERE p.stage1_version_id = ? AND p.stage2_version_id = ? AND p.quote_id > ?"
                    + " ORDER BY p.quote_id FETCH FIRST ? ROWS ONLY")) {
                ps.setLong(1, stage1VersionId);
                ps.setLong(2, stage2VersionId == null ? 0L : stage2VersionId);
                ps.setLong(3, afterQuoteId);
                ps.setInt(4, limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Prediction> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                    if (out.size() > limit) {
                        out.remove(limit);
                        return new Page<>(out, out.get(limit - 1).quoteId());
                    }
                    return new Page<>(out, -1);
                }
            }
        });
    }

    /** Drops the cache of a model version (either stage), e.g. when it is retired. */
    public int deleteForVersion(long versionId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM predictions WHERE stage1_version_id = ? OR stage2_version_id = ?")) {
                ps.setLong(1, versionId);
                ps.setLong(2, versionId);
                return ps.executeUpdate();
            }
        });
    }

    static Prediction map(ResultSet rs) throws SQLException {
        long s2 = rs.getLong("stage2_version_id");
        return new Prediction(rs.getLong("p_quote"), rs.getLong("stage1_version_id"), s2 == 0 ? null : s2,
                rs.getDouble("p_in_topic"), Json.readProbabilities(rs.getString("topic_probs_json")),
                rs.getInt("predicted_label"), rs.getString("predicted_topic"), rs.getDouble("confidence"),
                rs.getObject("unfamiliar", Double.class), rs.getObject("unfamiliar_flag", Boolean.class));
    }
}
