/**
 * The Monitoring view's use cases: accuracy over batches, drift tests against the reference
 * batches with the quotes that explain them, and the forgetting matrix. May use ml, store,
 * domain and the other service packages.
 */
package org.quotelab.service.monitoring;
