package org.quotelab.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Model folders kept in the store (a team's PostgreSQL): each file cut into chunks of at most
 * {@link #CHUNK} bytes, and a digest of the whole folder that a local copy is checked against.
 * Chunks keep every statement and every buffer small, whatever the size of the weights.
 */
public final class ModelFileRepository {
    /** The largest chunk: one statement's worth of bytes. */
    static final int CHUNK = 1 << 20;

    /** A stored folder: its name, the digest of its files, how many and how large. */
    public record StoredFolder(String name, long projectId, String sha256, int fileCount, long totalBytes,
            Instant storedAt) {
    }

    private final Database db;
    private final long projectId;

    ModelFileRepository(Database db, long projectId) {
        this.db = db;
        this.projectId = projectId;
    }

    public Optional<StoredFolder> find(String name) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM model_folders WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredFolder(rs.getString("name"), rs.getLong("project_id"),
                            rs.getString("sha256"), rs.getInt("file_count"), rs.getLong("total_bytes"),
                            Jdbc.getInstant(rs, "stored_at"))) : Optional.empty();
                }
            }
        });
    }

    /**
     * Stores every file under {@code folder} under the folder's name, in one transaction (join
     * the caller's to store it with the rows that refer to it). A folder stored before is kept.
     */
    public StoredFolder save(Path folder) throws IOException {
        String name = folder.getFileName().toString();
        List<String> files = files(folder);
        String sha = digest(folder, files);
        long total = 0;
        for (String f : files) {
            total += Files.size(folder.resolve(f));
        }
        long bytes = total;
        try {
            db.write(c -> {
                if (Counts.single(c, "SELECT COUNT(*) FROM model_folders WHERE name = ?", name) > 0) {
                    return null;
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO model_folders (name, project_id, sha256,"
                        + " file_count, total_bytes, stored_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, name);
                    ps.setLong(2, projectId);
                    ps.setString(3, sha);
                    ps.setInt(4, files.size());
                    ps.setLong(5, bytes);
                    Jdbc.setInstant(ps, 6, Instant.now());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO model_files (folder_name, file_path, chunk_no, chunk) VALUES (?, ?, ?, ?)")) {
                    for (String f : files) {
                        try (InputStream in = Files.newInputStream(folder.resolve(f))) {
                            int no = 0;
                            byte[] chunk;
                            // an empty file still gets one (empty) chunk, so that it is restored
                            while ((chunk = in.readNBytes(CHUNK)).length > 0 || no == 0) {
                                ps.setString(1, name);
                                ps.setString(2, f);
                                ps.setInt(3, no++);
                                ps.setBytes(4, chunk);
                                ps.executeUpdate();
                                if (chunk.length < CHUNK) {
                                    break;
                                }
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return find(name).orElseThrow();
    }

    /**
     * Writes the stored folder {@code name}'s files into the empty or missing folder {@code target}
     * and checks them against the stored digest.
     *
     * @throws IOException when the folder is not stored, or the files written differ from it
     */
    public void restore(String name, Path target) throws IOException {
        StoredFolder stored = find(name).orElseThrow(() -> new IOException("the store holds no model folder " + name));
        List<String[]> chunks = db.read(c -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT file_path, chunk_no FROM model_files"
                    + " WHERE folder_name = ? ORDER BY file_path, chunk_no")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[] {rs.getString(1), Integer.toString(rs.getInt(2))});
                    }
                }
            }
            return out;
        });
        Files.createDirectories(target);
        OutputStream out = null;
        String open = null;
        try {
            for (String[] chunk : chunks) {
                if (!chunk[0].equals(open)) {
                    if (out != null) {
                        out.close();
                    }
                    Path file = safe(target, chunk[0]);
                    Files.createDirectories(file.getParent());
                    out = Files.newOutputStream(file);
                    open = chunk[0];
                }
                out.write(chunk(name, chunk[0], Integer.parseInt(chunk[1])));
            }
        } finally {
            if (out != null) {
                out.close();
            }
        }
        String got = digest(target, files(target));
        if (!got.equals(stored.sha256())) {
            throw new IOException("the copy of model folder " + name + " in " + target + " does not match the store's"
                    + " (digest " + got + ", stored " + stored.sha256() + ")");
        }
    }

    /** Removes a stored folder, e.g. one whose run failed before any version referred to it. */
    public void delete(String name) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM model_files WHERE folder_name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM model_folders WHERE name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private byte[] chunk(String name, String file, int no) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT chunk FROM model_files WHERE folder_name = ? AND file_path = ? AND chunk_no = ?")) {
                ps.setString(1, name);
                ps.setString(2, file);
                ps.setInt(3, no);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        });
    }

    /** A stored relative path inside {@code root}; a path that would leave it is refused. */
    private static Path safe(Path root, String relative) throws IOException {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root.normalize())) {
            throw new IOException("model file path " + relative + " leaves its folder");
        }
        return p;
    }

    /** The relative paths of every regular file under {@code folder}, '/'-separated and sorted. */
    static List<String> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace(folder.getFileSystem().getSeparator(), "/"))
                    .sorted().toList();
        }
    }

    /** SHA-256 over each file's relative path, size and bytes, in path order. */
    static String digest(Path folder, List<String> files) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        for (String f : files) {
            sha.update(f.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Long.toString(Files.size(folder.resolve(f))).getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(folder.resolve(f))) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sha.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
