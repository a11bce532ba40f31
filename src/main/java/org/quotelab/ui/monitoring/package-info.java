/**
 * The Monitoring view: accuracy over batches, drift tests and the forgetting matrix (View and ViewModel). May use ui.common, another view's widgets, service
 * and domain; never store or ml.
 */
package org.quotelab.ui.monitoring;
