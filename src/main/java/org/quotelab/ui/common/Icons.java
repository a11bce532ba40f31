package org.quotelab.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;

/** Toolbar icons drawn by the project (icons/*.svg): each file holds one path, read once and cached. */
public final class Icons {

    private static final Pattern PATH_DATA = Pattern.compile("<path[^>]*\\sd=\"([^\"]+)\"");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Icons() {
    }

    public static Node icon(String name) {
        SVGPath path = new SVGPath();
        path.setContent(CACHE.computeIfAbsent(name, Icons::load));
        path.getStyleClass().add("icon");
        StackPane box = new StackPane(path);
        box.setMinSize(24, 24);
        box.setPrefSize(24, 24);
        box.setMaxSize(24, 24);
        return box;
    }

    private static String load(String name) {
        String resource = "/org/quotelab/icons/" + name + ".svg";
        try (InputStream in = Icons.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no icon " + resource + " on the classpath");
            }
            Matcher m = PATH_DATA.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IllegalArgumentException("icon " + resource + " has no path data");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
