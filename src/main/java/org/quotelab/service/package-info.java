/**
 * Use cases and background jobs shared by the desktop app and the CLI: the composition roots
 * (Workbench for the app, StoreSession for the CLI), the data folder and the one service-level
 * JSON mapper. The only way ui and cli reach the store and the models. May use domain, store and
 * ml; never ui or cli.
 */
package org.quotelab.service;
