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
