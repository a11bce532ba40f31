package org.quotelab.ml.versions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 over the training texts and labels in order: two versions trained on the same data share it. */
public final class DatasetIdentity {

    private DatasetIdentity() {
    }

    public static String sha256(List<String> texts, List<String> labels) {
        if (texts.size() != labels.size()) {
            throw new IllegalArgumentException("texts and labels differ in length");
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < texts.size(); i++) {
                // Length prefixes keep ("ab","c") and ("a","bc") apart.
                update(md, texts.get(i));
                update(md, labels.get(i));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void update(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        md.update((byte) ':');
        md.update(b);
    }
}
