/**
 * The Schedule view: the watched folder and the update policy (editable, kept in the data
 * folder), whether the schedule runs and what comes next, and the history of its steps with links
 * to their batches (Review) and versions (Models). View and ViewModel; may use ui.common, service
 * and domain; never store or ml.
 */
package org.quotelab.ui.schedule;
