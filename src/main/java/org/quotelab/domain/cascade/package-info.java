/**
 * The cascade's decision rule and its figures: operating points, threshold sweeps and
 * recommendations, stage-2 training sets, folds. Pure Java; may use the other domain packages.
 */
package org.quotelab.domain.cascade;
