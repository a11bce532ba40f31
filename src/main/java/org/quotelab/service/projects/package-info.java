/**
 * Projects and their label schemas as use cases: list, create and remember the current project
 * ({@code ProjectService}); rename, recolour, reorder topics and change their Review keys with a
 * conflict check ({@code SchemaService}). Switching projects rebuilds the services of
 * {@code service.Workbench} on the chosen project's view of the store. May use store and domain.
 */
package org.quotelab.service.projects;
