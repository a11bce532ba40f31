/**
 * The two-stage cascade: training both stages with calibration and a recommended operating point,
 * the life of a training or update run ({@link org.quotelab.service.cascade.CascadeRun}, one per
 * project across instances), the team's model folders ({@link org.quotelab.service.cascade.SharedModels}), scoring
 * texts and stored batches, registering and activating a cascade, threshold tuning. The lowest
 * service package with a job of its own: may use ml, store, domain, {@code service.jobs} and the
 * service root; the other service packages build on it.
 */
package org.quotelab.service.cascade;
