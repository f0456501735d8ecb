package org.crmworkbench.core.plugin;

import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands out pooled connections whose default schema is the plugin's own, so unqualified names in a
 * plugin's SQL resolve to its schema. The pool resets the schema when the connection returns.
 */
final class SchemaBoundConnections implements ConnectionProvider {

    private final DataSource dataSource;
    private final String schema;

    SchemaBoundConnections(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    @Override
    public Connection acquire() {
        try {
            Connection connection = dataSource.getConnection();
            connection.setCatalog(schema);
            return connection;
        } catch (SQLException e) {
            throw new DataAccessException("no connection for schema " + schema + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("could not release a connection: " + e.getMessage(), e);
        }
    }
}
