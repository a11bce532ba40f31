package org.quotelab.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work on a connection handed out by {@link Database}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
