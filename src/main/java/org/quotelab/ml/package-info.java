/** The only package that touches DJL: the BERT encoder, weight loaders, tokenization, training and scoring. Depends on domain only. */
package org.quotelab.ml;
