/**
 * What every view shares: hand-over of job progress to the FX thread (FxJobs), job status, icons
 * and small nodes. May use JavaFX, service and domain; never store or ml, and no feature package.
 */
package org.quotelab.ui.common;
