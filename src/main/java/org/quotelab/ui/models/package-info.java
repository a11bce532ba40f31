/**
 * The Models view: version provenance, promote, roll back and export (View and ViewModel). May use ui.common, another view's widgets, service
 * and domain; never store or ml.
 */
package org.quotelab.ui.models;
