/**
 * The Evaluation view's use cases: any stored cascade evaluated on chosen batches, per class and
 * as a confusion matrix whose cells lead back to their quotes. May use ml, store,
 * domain and the other service packages.
 */
package org.quotelab.service.evaluation;
