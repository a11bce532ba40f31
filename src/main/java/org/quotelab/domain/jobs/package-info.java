/**
 * What long-running work shares across layers: the one {@link
 * org.quotelab.domain.jobs.CancellationToken} that jobs, imports and training check between steps,
 * and the {@link org.quotelab.domain.jobs.JobCancelledException} it throws. Pure Java; uses
 * nothing else.
 */
package org.quotelab.domain.jobs;
