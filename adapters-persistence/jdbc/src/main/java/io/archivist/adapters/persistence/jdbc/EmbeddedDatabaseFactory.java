package io.archivist.adapters.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * the README's Run and Configuration: with no configuration at all, the store is an H2 database file under ./data
 * (archivist.data-dir moves it). Setting datasources.default.url (DATASOURCES_DEFAULT_URL)
 * switches this off, and Micronaut's own pool connects to that database instead.
 */
@Factory
@Requires(property = JdbcStoreFactory.STORE, notEquals = "mongo")
@Requires(missingProperty = "datasources.default.url")
class EmbeddedDatabaseFactory {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseFactory.class);

    /**
     * The pools this factory made, closed when the context stops. Not the bean's own pre-destroy: Micronaut
     * Data puts a proxy around every DataSource bean, and that proxy is what a bean's disposal is handed.
     */
    private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();

    /** Named "default", as datasources.default.* names its pool: Micronaut Data's managers are made per named DataSource. */
    @Singleton
    @Named("default")
    HikariDataSource embeddedDataSource(@Value("${archivist.data-dir:data}") String dataDir) {
        Path directory = ownerOnlyDirectory(Path.of(dataDir).toAbsolutePath().normalize());
        Path file = directory.resolve("archivist");
        HikariConfig config = new HikariConfig();
        config.setPoolName("archivist-embedded-h2");
        config.setJdbcUrl(url(file));
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(10);
        LOG.info("No datasources.default.url configured: using the embedded H2 database {}.mv.db", file);
        try {
            HikariDataSource pool = new HikariDataSource(config);
            pools.add(pool);
            return pool;
        } catch (RuntimeException e) {
            if (!inUse(e)) {
                throw e;
            }
            // H2 admits one process per file: a service, or a seed import, already has it open.
            LOG.debug("the embedded database {} is locked by another process", file, e);
            throw new IllegalStateException("the embedded database under " + directory
                    + " is in use by another process (a running service?); stop it first");
        }
    }

    /** Closes the embedded pools, and with their last connection the database file. */
    @PreDestroy
    void close() {
        pools.forEach(HikariDataSource::close);
    }

    /** H2's DATABASE_ALREADY_OPEN_1 (90020): another process holds the file's lock. */
    private static boolean inUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getErrorCode() == 90020) {
                return true;
            }
        }
        return false;
    }

    /**
     * WRITE_DELAY=0 (R15): H2 otherwise acknowledges a commit and writes it to the file up to half a
     * second later, so a process killed meanwhile loses writes its clients were told were done.
     * LOCK_TIMEOUT: writers of one workspace queue for its lock row longer than H2's default second.
     * retry: a thread interrupted during H2's file I/O (an executor shut down, a request given up)
     * would otherwise close the file channel under every connection and leave the database broken
     * until the process restarts; H2's retry file system opens the file again and goes on.
     */
    static String url(Path file) {
        return "jdbc:h2:retry:" + file + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * The data directory, readable by this user only (rwx------): H2 makes its files with the process's
     * umask, often world-readable, and cannot be told otherwise; inside this directory nobody else
     * reaches them. A directory an earlier version left open is closed too.
     */
    static Path ownerOnlyDirectory(Path directory) {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        try {
            if (Files.notExists(directory)) {
                return Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(ownerOnly));
            }
            Files.setPosixFilePermissions(directory, ownerOnly);
        } catch (UnsupportedOperationException notPosix) {
            return created(directory);
        } catch (IOException notOurs) {
            LOG.warn("cannot make the data directory {} private to this user: {}", directory, notOurs.toString());
            return created(directory);
        }
        return directory;
    }

    private static Path created(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory, e);
        }
    }
}
