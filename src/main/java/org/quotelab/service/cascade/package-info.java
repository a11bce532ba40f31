/**
 * The two-stage cascade: training both stages with calibration and a recommended operating point,
 * scoring texts and stored batches, registering and activating a cascade, threshold tuning. May use ml, store,
 * domain and the other service packages.
 */
package org.quotelab.service.cascade;
