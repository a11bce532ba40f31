/**
 * The Threshold view: the stage-1 and class-0 threshold sliders and their charts (View and ViewModel). May use ui.common, another view's widgets, service
 * and domain; never store or ml.
 */
package org.quotelab.ui.threshold;
