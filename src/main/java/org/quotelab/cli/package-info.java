/**
 * The headless command line (picocli) over the same services as the app: each command parses its
 * options, calls a service and prints. The only place that prints. May use service and domain,
 * never store or ml (ArchitectureTest); the one exception is the {@code bench} subpackage.
 */
package org.quotelab.cli;
