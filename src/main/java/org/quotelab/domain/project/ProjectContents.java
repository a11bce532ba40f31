package org.quotelab.domain.project;

import java.util.List;

/**
 * What a project holds, as counted before deleting it: the figures its confirmation names, and the
 * model folders of its versions (removed from disk once the rows are gone).
 */
public record ProjectContents(Project project, long batches, long quotes, long labels, long versions,
        long runs, List<String> versionPaths) {

    public ProjectContents {
        versionPaths = List.copyOf(versionPaths);
    }

    /** "3 batches, 1,200 quotes, 800 labels, 4 model versions, 2 training runs". */
    public String describe() {
        return count(batches, "batch", "batches") + ", " + count(quotes, "quote", "quotes") + ", "
                + count(labels, "label", "labels") + ", " + count(versions, "model version", "model versions") + ", "
                + count(runs, "training run", "training runs");
    }

    private static String count(long n, String one, String many) {
        return String.format(java.util.Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
