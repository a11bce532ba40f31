/**
 * Projects and their label schemas as use cases: list, create, rename, delete (with the folders of
 * its model versions) and remember the current project ({@code ProjectService}); rename,
 * recolour, reorder topics and change their Review keys with a conflict check
 * ({@code SchemaService}). Switching projects rebuilds the services of {@code service.Workbench}
 * on the chosen project's view of the store. May use store, domain and ml's model folders.
 */
package org.quotelab.service.projects;
