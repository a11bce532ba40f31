/** The project's own synthetic product-review quotes: a seeded generator of drifting daily batches. */
package org.quotelab.service.sample;
