package io.archivist.adapters.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * SPEC §6: with no configuration at all, the store is an H2 database file under ./data
 * (archivist.data-dir moves it). Setting datasources.default.url (DATASOURCES_DEFAULT_URL)
 * switches this off, and Micronaut's own pool connects to that database instead.
 */
@Factory
@Requires(property = JdbcStoreFactory.STORE, notEquals = "mongo")
@Requires(missingProperty = "datasources.default.url")
class EmbeddedDatabaseFactory {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    HikariDataSource embeddedDataSource(@Value("${archivist.data-dir:data}") String dataDir) {
        Path file = Path.of(dataDir).toAbsolutePath().normalize().resolve("archivist");
        HikariConfig config = new HikariConfig();
        config.setPoolName("archivist-embedded-h2");
        // LOCK_TIMEOUT: writers of one workspace queue for its lock row longer than H2's default second.
        config.setJdbcUrl(url(file));
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(10);
        LOG.info("No datasources.default.url configured: using the embedded H2 database {}.mv.db", file);
        return new HikariDataSource(config);
    }

    static String url(Path file) {
        return "jdbc:h2:file:" + file + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
    }
}
