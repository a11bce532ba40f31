package org.quotelab.service.cascade;

import java.util.List;
import org.quotelab.domain.cascade.LabelledText;

/** Lets tests in other packages train on the same synthetic quotes as {@link CascadeTrainerTest}. */
public final class CascadeTrainerTestAccess {
    private CascadeTrainerTestAccess() {
    }

    public static List<LabelledText> quotes(int n, long seed) {
        return CascadeTrainerTest.quotes(n, seed);
    }
}
