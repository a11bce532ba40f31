/**
 * The project switcher above the views (current project, switch, "New project...") and the
 * label-schema editor (rename, recolour, reorder topics, change their Review keys), and the
 * annotator's name that label changes are recorded under. View and ViewModel as elsewhere;
 * reaches the data through the workbench's services only.
 */
package org.quotelab.ui.projects;
