/**
 * Import and export types: the quote fields columns map to, import options, errors, progress
 * listener and results, and export formats. Pure Java; may use {@code domain.quote} and other
 * {@code domain} packages only.
 */
package org.quotelab.domain.imports;
