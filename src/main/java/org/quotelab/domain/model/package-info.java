/**
 * Model versions, training runs and their rows as the store keeps them: version status, run
 * status, per-epoch metrics, loss points, per-class metric rows and confusion records. Pure Java;
 * may use other {@code domain} packages only.
 */
package org.quotelab.domain.model;
