/**
 * The Training view: the fine-tune and update forms with the live loss curve (View and ViewModel). May use ui.common, another view's widgets, service
 * and domain; never store or ml.
 */
package org.quotelab.ui.training;
