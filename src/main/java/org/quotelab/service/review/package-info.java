/**
 * The Review view's use cases: paged, filtered quotes, label edits with their history, and row
 * scoring with the active cascade. May use ml, store,
 * domain and the other service packages.
 */
package org.quotelab.service.review;
