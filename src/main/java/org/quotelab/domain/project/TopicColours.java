package org.quotelab.domain.project;

import java.util.List;

/** The colours new topics get, in turn: a qualitative palette that stays readable on white. */
public final class TopicColours {
    private static final List<String> PALETTE = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");

    private TopicColours() {
    }

    /** The colour of the topic at {@code position} (from 1). */
    public static String forPosition(int position) {
        return PALETTE.get(Math.floorMod(position - 1, PALETTE.size()));
    }

    /** True for a colour written as #rrggbb. */
    public static boolean isValid(String colour) {
        return colour != null && colour.matches("#[0-9a-fA-F]{6}");
    }
}
