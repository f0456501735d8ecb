package org.crmworkbench.core.plugin;

import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands out pooled connections whose default schema is the plugin's own, so unqualified names in a
 * plugin's SQL resolve to its schema. The default schema stays set when the connection returns to the
 * pool; the core never relies on it (its jOOQ classes and Flyway name {@code crm_core} explicitly).
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
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setCatalog(schema);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DataAccessException("no connection for schema " + schema + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the original failure is what the caller needs to see
            }
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
