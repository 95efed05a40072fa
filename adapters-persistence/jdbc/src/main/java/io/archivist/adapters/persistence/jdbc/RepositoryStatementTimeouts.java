package io.archivist.adapters.persistence.jdbc;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.data.connection.ConnectionSynchronization;
import io.micronaut.data.connection.support.ConnectionCustomizer;
import java.sql.Connection;
import java.util.function.Function;

/**
 * R14 for the statements of the repositories: Micronaut Data prepares them itself and sets no query timeout
 * (its JDBC operations have no setting for one), so the connection it is handed for them sets
 * archivist.jdbc.statement-timeout on every statement prepared on it, as {@link Sql} does for the store's own.
 * A repository runs inside a unit of the store, so it joins that unit's connection; the connection a unit opens
 * is handed on as it is (Sql sets its statements' timeout), which keeps this off the units' own path.
 */
final class RepositoryStatementTimeouts implements ConnectionCustomizer<Connection> {

    private final int seconds;

    RepositoryStatementTimeouts(int seconds) {
        this.seconds = seconds;
    }

    @Override
    public <R> Function<ConnectionStatus<Connection>, R> intercept(
            Function<ConnectionStatus<Connection>, R> operation) {
        return status -> operation.apply(
                status.isNew() ? status : new Joined(status, new TimedConnection(status.getConnection(), seconds)));
    }

    /** The joined status as Micronaut made it, with the timed connection in place of its own. */
    private record Joined(ConnectionStatus<Connection> status, Connection connection)
            implements ConnectionStatus<Connection> {

        @Override
        public boolean isNew() {
            return status.isNew();
        }

        @Override
        public Connection getConnection() {
            return connection;
        }

        @Override
        public ConnectionDefinition getDefinition() {
            return status.getDefinition();
        }

        @Override
        public void registerSynchronization(ConnectionSynchronization synchronization) {
            status.registerSynchronization(synchronization);
        }
    }
}
