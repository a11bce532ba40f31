package org.quotelab.ui.common;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.input.KeyCombination;

/** One view of the workbench: its name in the navigation, its icon, its shortcut and how to build it. */
public record Feature(String name, String icon, KeyCombination shortcut, Supplier<Node> view) {
}
