/**
 * The Review view: keyboard labelling over a paged quote table (View and ViewModel). May use ui.common, another view's widgets, service
 * and domain; never store or ml.
 */
package org.quotelab.ui.review;
