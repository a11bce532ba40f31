/** Use cases and background jobs shared by the desktop app and the CLI. Depends on domain, store and ml. */
package org.quotelab.service;
