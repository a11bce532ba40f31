/** Quotes, batches, labels and the records the store hands to the ML and UI layers. Pure Java. */
package org.quotelab.domain.quote;
