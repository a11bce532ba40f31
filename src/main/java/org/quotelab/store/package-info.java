/**
 * The embedded H2 store: Flyway migrations, repositories, the streaming CSV importer and the
 * exporter, one writer connection. The only user of JDBC, H2 and Flyway. May use domain
 * only (besides JDBC, H2, Flyway and Jackson).
 */
package org.quotelab.store;
