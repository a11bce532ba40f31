/**
 * Continual-learning bookkeeping: the accuracy matrix (ACC, BWT, FWT), the promotion gate and
 * the replay memory. Pure Java; may use the other domain packages.
 */
package org.quotelab.domain.continual;
