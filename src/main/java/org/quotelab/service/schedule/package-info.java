/**
 * The daily schedule: a watched folder polled on a background thread (in the app while it is
 * open, or by {@code quotelab watch}), one scheduler per data folder (a lock file), its settings
 * kept in the store, and its event history. The steps themselves live in service.continual
 * ({@code WatchedFolder}, {@code ScheduledUpdate}, {@code UpdatePolicy}). May use the other
 * service packages, store, ml and domain.
 */
package org.quotelab.service.schedule;
