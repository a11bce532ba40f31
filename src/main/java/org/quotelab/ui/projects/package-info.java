/**
 * The project switcher above the views (current project, switch, "New project...") and the
 * label-schema editor (rename, recolour, reorder topics, change their Review keys). View and
 * ViewModel as elsewhere; reaches the data through {@code service.projects} only.
 */
package org.quotelab.ui.projects;
