package org.quotelab.domain.drift;

import java.util.Locale;

/**
 * How much a batch moved, in words. A test only reaches MINOR or above when its adjusted p-value is
 * below alpha AND its effect size reaches the test's minor cut-off: a tiny effect on a large batch
 * is significant but not worth an alert.
 */
public enum Severity { NONE, MINOR, MODERATE, MAJOR;

    /** Effect-size cut-offs of one kind of test, in the unit of its effect. */
    public record Cutoffs(double minor, double moderate, double major) {

        public Cutoffs {
            if (!(minor <= moderate && moderate <= major)) {
                throw new IllegalArgumentException("cut-offs must rise: " + minor + ", " + moderate + ", " + major);
            }
        }

        public Severity of(double effect) {
            return effect >= major ? MAJOR : effect >= moderate ? MODERATE : effect >= minor ? MINOR : NONE;
        }
    }

    public boolean alert() {
        return this != NONE;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The stored name back; null (figures stored before severities existed) stays null. */
    public static Severity parse(String name) {
        return name == null ? null : valueOf(name.toUpperCase(Locale.ROOT));
    }
}
