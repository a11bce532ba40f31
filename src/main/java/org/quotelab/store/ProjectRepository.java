package org.quotelab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quotelab.domain.project.Project;
import org.quotelab.domain.project.ProjectContents;

/** The projects of the data folder. Store-wide: every project view of the store sees the same list. */
public final class ProjectRepository {
    private final Database db;

    ProjectRepository(Database db) {
        this.db = db;
    }

    /** Every project, oldest first; never empty (migration V7 creates the first). */
    public List<Project> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM projects ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                List<Project> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Project(rs.getLong(1), rs.getString(2)));
                }
                return out;
            }
        });
    }

    public Optional<Project> find(long id) {
        return db.read(c -> find(c, id));
    }

    /** The project of that name; names compare ignoring case, as people type them. */
    public Optional<Project> findByName(String name) {
        String n = name.trim();
        return list().stream().filter(p -> p.name().equalsIgnoreCase(n)).findFirst();
    }

    /** Creates an empty project; a name already used (ignoring case) is refused. */
    public Project create(String name) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("a project needs a name");
        }
        if (n.length() > 200) {
            throw new IllegalArgumentException("a project name has at most 200 characters");
        }
        if (findByName(n).isPresent()) {
            throw new IllegalArgumentException("there is already a project named '" + n + "'");
        }
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO projects (name, created_at) VALUES (?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, n);
                Jdbc.setInstant(ps, 2, Instant.now());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new Project(keys.getLong(1), n);
                }
            }
        });
    }

    /** Renames a project; the new name must be free. */
    public Project rename(long id, String name) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("a project needs a name");
        }
        findByName(n).filter(p -> p.id() != id).ifPresent(p -> {
            throw new IllegalArgumentException("there is already a project named '" + n + "'");
        });
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE projects SET name = ? WHERE id = ?")) {
                ps.setString(1, n);
                ps.setLong(2, id);
                if (ps.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no project " + id);
                }
            }
            return new Project(id, n);
        });
    }

    /** What deleting project {@code id} would remove. */
    public ProjectContents contents(long id) {
        return db.read(c -> contents(c, id));
    }

    /**
     * Deletes project {@code id} with everything it owns (batches and through them quotes, labels,
     * their history, predictions, drift and replay rows; model versions with their metrics and
     * quote sets; training runs with their curves; the label schema and the project's settings) in
     * one transaction, and returns what it held. The last project is refused: a data folder always
     * has one. The store-wide topic table keeps its rows, since other projects may use them.
     */
    public ProjectContents delete(long id) {
        return db.write(c -> {
            ProjectContents held = contents(c, id);
            if (Counts.single(c, "SELECT COUNT(*) FROM projects") <= 1) {
                throw new IllegalArgumentException("'" + held.project().name() + "' is the only project: a data"
                        + " folder keeps at least one");
            }
            String batches = "SELECT id FROM batches WHERE project_id = ?";
            String quotes = "SELECT q.id FROM quotes q JOIN batches b ON b.id = q.batch_id WHERE b.project_id = ?";
            String versions = "SELECT id FROM model_versions WHERE project_id = ?";
            String runs = "SELECT id FROM training_runs WHERE project_id = ?";
            // children first, so every foreign key still finds its row; self-references are cut first
            update(c, "DELETE FROM predictions WHERE quote_id IN (" + quotes + ")", id);
            update(c, "DELETE FROM predictions WHERE stage1_version_id IN (" + versions + ")", id);
            update(c, "DELETE FROM batch_drift WHERE batch_id IN (" + batches + ")", id);
            update(c, "DELETE FROM batch_drift WHERE stage1_version_id IN (" + versions + ")", id);
            update(c, "DELETE FROM replay_memory WHERE quote_id IN (" + quotes + ")", id);
            update(c, "DELETE FROM version_quotes WHERE version_id IN (" + versions + ")", id);
            update(c, "UPDATE label_history SET undo_of = NULL WHERE quote_id IN (" + quotes + ")", id);
            update(c, "DELETE FROM label_history WHERE quote_id IN (" + quotes + ")", id);
            update(c, "DELETE FROM labels WHERE quote_id IN (" + quotes + ")", id);
            update(c, "DELETE FROM quotes WHERE batch_id IN (" + batches + ")", id);
            update(c, "DELETE FROM batches WHERE project_id = ?", id);
            update(c, "DELETE FROM training_loss WHERE run_id IN (" + runs + ")", id);
            update(c, "DELETE FROM epoch_metrics WHERE run_id IN (" + runs + ")", id);
            update(c, "DELETE FROM training_runs WHERE project_id = ?", id);
            update(c, "DELETE FROM class_metrics WHERE model_version_id IN (" + versions + ")", id);
            update(c, "DELETE FROM confusion_matrices WHERE model_version_id IN (" + versions + ")", id);
            update(c, "UPDATE model_versions SET parent_id = NULL WHERE project_id = ?", id);
            update(c, "DELETE FROM model_versions WHERE project_id = ?", id);
            update(c, "DELETE FROM topic_schema WHERE project_id = ?", id);
            update(c, "DELETE FROM project_settings WHERE project_id = ?", id);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM settings WHERE setting_key = ? AND setting_value = ?")) {
                ps.setString(1, QuoteStore.CURRENT_PROJECT);
                ps.setString(2, Long.toString(id));
                ps.executeUpdate();
            }
            update(c, "DELETE FROM projects WHERE id = ?", id);
            return held;
        });
    }

    private static int update(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            return ps.executeUpdate();
        }
    }

    private static ProjectContents contents(Connection c, long id) throws SQLException {
        Project p = find(c, id).orElseThrow(() -> new IllegalArgumentException("no project " + id));
        long batches = Counts.single(c, "SELECT COUNT(*) FROM batches WHERE project_id = ?", id);
        long quotes = Counts.single(c, "SELECT COUNT(*) FROM quotes q JOIN batches b ON b.id = q.batch_id"
                + " WHERE b.project_id = ?", id);
        long labels = Counts.single(c, "SELECT COUNT(*) FROM labels l JOIN quotes q ON q.id = l.quote_id"
                + " JOIN batches b ON b.id = q.batch_id WHERE b.project_id = ?", id);
        long runs = Counts.single(c, "SELECT COUNT(*) FROM training_runs WHERE project_id = ?", id);
        List<String> paths = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT path FROM model_versions WHERE project_id = ? ORDER BY id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    paths.add(rs.getString(1));
                }
            }
        }
        return new ProjectContents(p, batches, quotes, labels, paths.size(), runs, paths);
    }

    /** The first project: what a store with one project works in without anyone choosing. */
    public Project first() {
        return list().get(0);
    }

    private static Optional<Project> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM projects WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Project(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        }
    }
}
