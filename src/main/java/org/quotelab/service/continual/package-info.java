/**
 * Continual learning: updates of the active cascade (replay, rehearsal, EWC) behind a promotion
 * gate, drift checks of new batches, and stream replays that compare strategies. May use ml, store,
 * domain and the other service packages.
 */
package org.quotelab.service.continual;
