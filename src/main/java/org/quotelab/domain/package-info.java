/** Pure Java records and metrics: quotes, labels, classification reports, sweeps. Depends on nothing else of QuoteLab. */
package org.quotelab.domain;
