/**
 * Training use cases: the app's full fine-tunes and continual updates as jobs with live events
 * (TrainingService), and the single-model fine-tune of {@code quotelab train}. May use ml, store,
 * domain and the other service packages.
 */
package org.quotelab.service.training;
