/**
 * The project's own synthetic product-review quotes: a seeded generator of drifting daily
 * batches, and a bulk writer for import benchmarks. May use domain and the JDK only.
 */
package org.quotelab.service.sample;
