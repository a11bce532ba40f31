/**
 * The Evaluation view: the per-class table and the confusion heat map (View and ViewModel). May use ui.common, another view's widgets, service
 * and domain; never store or ml.
 */
package org.quotelab.ui.evaluation;
