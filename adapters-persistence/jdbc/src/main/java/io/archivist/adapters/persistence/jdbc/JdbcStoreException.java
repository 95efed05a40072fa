package io.archivist.adapters.persistence.jdbc;

import java.sql.SQLException;

/** A database failure that no rule explains (constraint violations are translated before they get here). */
final class JdbcStoreException extends RuntimeException {

    JdbcStoreException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    SQLException sqlException() {
        return (SQLException) getCause();
    }
}
