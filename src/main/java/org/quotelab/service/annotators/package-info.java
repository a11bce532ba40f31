/**
 * Annotators: the name this machine's user labels under ({@link AnnotatorSettings}, kept in the
 * local data folder, never in the store that a team shares) and which annotators each batch is
 * assigned to ({@link BatchAssignments}, kept in the store). May use domain and store.
 */
package org.quotelab.service.annotators;
