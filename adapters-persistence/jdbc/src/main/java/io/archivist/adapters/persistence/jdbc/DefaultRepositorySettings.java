package io.archivist.adapters.persistence.jdbc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.config.DataJdbcConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Micronaut Data makes the operations behind the repositories for each DataSource from its
 * datasources.NAME.* settings. The embedded database (EmbeddedDatabaseFactory), like a test's DataSource,
 * comes with no such settings, so the repositories on it run with Micronaut Data's defaults, given here.
 */
@Singleton
@Named("default")
@Requires(missingProperty = "datasources.default")
final class DefaultRepositorySettings extends DataJdbcConfiguration {

    DefaultRepositorySettings() {
        super("default");
    }
}
