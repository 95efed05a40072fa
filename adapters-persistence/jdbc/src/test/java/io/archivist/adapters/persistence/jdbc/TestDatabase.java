package io.archivist.adapters.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.archivist.domain.WorkspaceId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The three databases the store runs on, as the tests reach them: PostgreSQL and MariaDB on this
 * machine (database archivist_jdbc, or -Darchivist.test.database-name, created when missing), and an H2 file under target/. Tests
 * work in workspaces of their own and remove them afterwards ({@link #forget}), so that runs (of
 * several checkouts at once, too) can share the database; its schema only ever moves forward.
 * The H2 file, private to the checkout, is made again when the migrations changed under it.
 * With CI=true an unreachable server fails the test; otherwise the test is skipped with the reason.
 */
enum TestDatabase {
    H2,
    POSTGRESQL,
    MARIADB;

    /**
     * archivist_jdbc, unless -Darchivist.test.database-name names another: a checkout whose migrations
     * differ from main's (a branch under way) keeps them out of the database the other checkouts share.
     */
    static final String NAME = System.getProperty("archivist.test.database-name", "archivist_jdbc");

    private static final Map<TestDatabase, HikariDataSource> POOLS = new EnumMap<>(TestDatabase.class);
    private static final Map<TestDatabase, JdbcDatabase> OPENED = new EnumMap<>(TestDatabase.class);

    /** The url, user and password Micronaut's datasources.default.* would be given. */
    String url() {
        return switch (this) {
            case H2 -> EmbeddedDatabaseFactory.url(Path.of("target", "h2", NAME).toAbsolutePath());
            case POSTGRESQL, MARIADB -> server() + NAME;
        };
    }

    /**
     * The server's JDBC url without a database: the machine's own servers, unless
     * -Darchivist.test.postgresql=host:port (or .mariadb) names another.
     */
    private String server() {
        String scheme = this == POSTGRESQL ? "postgresql" : "mariadb";
        String fallback = this == POSTGRESQL ? "127.0.0.1:5432" : "127.0.0.1:3306";
        return "jdbc:" + scheme + "://" + System.getProperty("archivist.test." + scheme, fallback) + "/";
    }

    String user() {
        return switch (this) {
            case H2 -> "sa";
            case POSTGRESQL -> "postgres";
            case MARIADB -> "root";
        };
    }

    /** A pool on this database, created when missing; skips or fails the test when unreachable. */
    synchronized HikariDataSource dataSource() {
        String only = System.getProperty("archivist.test.databases", "");
        Assumptions.assumeTrue(
                only.isBlank() || List.of(only.toUpperCase().split(",")).contains(name()),
                name() + " is not among -Darchivist.test.databases=" + only);
        HikariDataSource pool = POOLS.get(this);
        if (pool == null) {
            create(false);
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url());
            config.setUsername(user());
            config.setPassword("");
            config.setMaximumPoolSize(12);
            config.setPoolName("test-" + name());
            pool = new HikariDataSource(config);
            POOLS.put(this, pool);
        }
        return pool;
    }

    /** The store's database on the shared pool, migrated once. */
    synchronized JdbcDatabase database() {
        JdbcDatabase opened = OPENED.get(this);
        if (opened == null) {
            HikariDataSource pool = dataSource();
            try {
                opened = StoreContext.open(pool, 10);
            } catch (FlywayValidateException changedDuringDevelopment) {
                if (this != H2) {
                    throw changedDuringDevelopment; // shared with other checkouts: never dropped by a test
                }
                pool.getHikariPoolMXBean().softEvictConnections();
                create(true);
                opened = StoreContext.open(pool, 10);
            }
            OPENED.put(this, opened);
        }
        return opened;
    }

    /**
     * An empty database of its own, NAME + "_" + {@code suffix} (dropped first if an earlier run left it),
     * for a test that needs the schema at an earlier migration; the caller closes the pool.
     */
    HikariDataSource scratch(String suffix) {
        dataSource(); // skips or fails the test as any other when the server is down
        String name = NAME + "_" + suffix;
        String url;
        try {
            switch (this) {
                case H2 -> {
                    url = EmbeddedDatabaseFactory.url(
                            Path.of("target", "h2", name).toAbsolutePath());
                    try (Connection c = DriverManager.getConnection(url, user(), "");
                            Statement s = c.createStatement()) {
                        s.execute("DROP ALL OBJECTS");
                    }
                }
                case POSTGRESQL -> {
                    url = server() + name;
                    try (Connection c = DriverManager.getConnection(server() + "postgres", user(), "");
                            Statement s = c.createStatement()) {
                        s.execute("DROP DATABASE IF EXISTS " + name);
                        s.execute("CREATE DATABASE " + name);
                    }
                }
                default -> {
                    url = server() + name;
                    try (Connection c = DriverManager.getConnection(server(), user(), "");
                            Statement s = c.createStatement()) {
                        s.execute("DROP DATABASE IF EXISTS " + name);
                        s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the scratch database " + name, e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user());
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setPoolName("scratch-" + name());
        return new HikariDataSource(config);
    }

    /** Removes every row of {@code workspace}, children before parents. */
    void forget(WorkspaceId workspace) {
        JdbcDatabase db = database();
        db.transactions.statements(c -> {
            for (String table : List.of(
                    "operation_records",
                    "operations",
                    "unique_values",
                    "record_parents",
                    "record_search",
                    "records",
                    "object_types",
                    "idempotent_requests",
                    "workspaces")) {
                db.sql.update(
                        c,
                        "DELETE FROM " + table + " WHERE " + (table.equals("workspaces") ? "id" : "workspace") + " = ?",
                        workspace);
            }
            return null;
        });
    }

    /** Creates the database when missing; {@code dropFirst} empties the H2 file (the servers' databases are never dropped). */
    private void create(boolean dropFirst) {
        try {
            switch (this) {
                case H2 -> {
                    if (dropFirst) {
                        try (Connection c = DriverManager.getConnection(url(), user(), "");
                                Statement s = c.createStatement()) {
                            s.execute("DROP ALL OBJECTS");
                        }
                    }
                }
                case POSTGRESQL -> {
                    try (Connection c = DriverManager.getConnection(server() + "postgres", user(), "");
                            Statement s = c.createStatement();
                            ResultSet found =
                                    s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'")) {
                        if (!found.next()) {
                            s.execute("CREATE DATABASE " + NAME);
                        }
                    }
                }
                case MARIADB -> {
                    try (Connection c = DriverManager.getConnection(server(), user(), "");
                            Statement s = c.createStatement()) {
                        s.execute(
                                "CREATE DATABASE IF NOT EXISTS " + NAME + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                    }
                }
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created meanwhile by another test run
                unreachable(e);
            }
        }
    }

    private void unreachable(SQLException e) {
        String message = name() + " is unreachable at " + url() + ": " + e.getMessage();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " (CI=true: a database the tests need must be up)", e);
        }
        Assumptions.abort(message + " (skipped; with CI=true this fails)");
    }
}
