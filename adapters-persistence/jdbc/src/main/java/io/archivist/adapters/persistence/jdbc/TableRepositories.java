package io.archivist.adapters.persistence.jdbc;

import jakarta.inject.Singleton;

/**
 * The Micronaut Data repositories of the simple tables, as beans. Micronaut Data fixes a repository's
 * dialect when it compiles it, and the store finds its database only when it starts, so each repository
 * compiled for another way of keeping the data is here too; the {@link Dialect} picks.
 */
@Singleton
record TableRepositories(
        CatalogRows catalog,
        ZonedIdempotentRequests zonedIdempotentRequests,
        MariaDbIdempotentRequests mariaDbIdempotentRequests,
        ZonedOperationRows zonedOperations,
        MariaDbOperationRows mariaDbOperations) {

    /** The repository of operations compiled for the way {@code dialect}'s database keeps ids and times. */
    OperationRows operations(Dialect dialect) {
        return dialect instanceof MariaDbDialect ? mariaDbOperations : zonedOperations;
    }
}
