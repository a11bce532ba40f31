/**
 * {@code quotelab bench}: speed and memory figures, each against a baseline run in the same
 * process. The one documented exception to the layers: to time the engine and the importer
 * themselves, these commands may use ml and store directly, besides service, domain and cli.
 * Nothing outside this package may depend on it but {@code QuoteLabCli}, which lists it.
 */
package org.quotelab.cli.bench;
