/**
 * Background work: the bounded JobRunner, jobs, progress sinks and cancellation tokens. Knows
 * nothing of quotes or models; may use the JDK and slf4j only.
 */
package org.quotelab.service.jobs;
