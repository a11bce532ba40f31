/** The embedded H2 store: schema migrations, repositories, CSV import and export. Depends on domain only. */
package org.quotelab.store;
