/**
 * Import and export types: CSV previews and column mappings, import options, errors, progress
 * listener and results, and export formats. Pure Java; may use {@code domain.quote} and other
 * {@code domain} packages only.
 */
package org.quotelab.domain.imports;
