/**
 * The Data view: the import wizard and the batch list with drift badges (View and ViewModel). May use ui.common, another view's widgets, service
 * and domain; never store or ml.
 */
package org.quotelab.ui.data;
