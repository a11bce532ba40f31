/** The headless command line over the same services as the app. */
package org.quotelab.cli;
