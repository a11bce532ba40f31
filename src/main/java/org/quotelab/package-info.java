/**
 * The launcher and process-wide settings: picks the app or the CLI from the arguments. As the
 * composition root it may use every layer; nothing but wiring belongs here.
 */
package org.quotelab;
