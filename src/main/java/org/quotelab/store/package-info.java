/**
 * The store: an embedded H2 file (default) or a shared PostgreSQL database ({@code StoreLocation};
 * what differs between them lives in {@code Dialect} and {@code Postgres}), Flyway migrations,
 * repositories, the streaming CSV importer and the exporter, one writer connection per process;
 * {@code StoreCopy} (a whole store into another database, proven by per-table digests),
 * {@code StoreLock} (one training per project across processes) and
 * {@code ModelFileRepository} (model folders kept in a shared store).
 * The only user of JDBC, H2, the PostgreSQL driver and Flyway. May use domain
 * only (besides JDBC, H2, Flyway and Jackson).
 */
package org.quotelab.store;
