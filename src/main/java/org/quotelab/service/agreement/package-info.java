/**
 * Agreement between annotators for the whole project or one batch: Cohen's kappa per pair,
 * Krippendorff's alpha overall, per batch and per class, the quotes whose annotators disagree,
 * and the one JSON shape of these figures. May use store, domain and the other service packages.
 */
package org.quotelab.service.agreement;
