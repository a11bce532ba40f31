/**
 * Data in and out (Data view, {@code quotelab import / batches / export}): the import preview and
 * jobs, the batch list, label and prediction export, the sample days. May use ml, store,
 * domain and the other service packages.
 */
package org.quotelab.service.imports;
