package io.archivist.adapters.rest;

import io.archivist.adapters.persistence.mongo.InProcessMongo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The stores a crash test runs the service on, each outliving the service's process: an H2 file, a
 * fresh database on the machine's PostgreSQL or MariaDB (named after
 * -Darchivist.test.database-name, so that checkouts never share it), or a mongo-java-server in the
 * test's own JVM. With CI=true an unreachable server fails the test; otherwise it is skipped.
 */
enum CrashStores {
    EMBEDDED_H2,
    POSTGRESQL,
    MARIADB,
    MONGO;

    /** The database of the crash tests, after -Darchivist.test.database-name. */
    static final String DATABASE = database("durable_kill");

    /** A store the service's properties point at; {@link Opened#close()} removes it. */
    interface Opened extends AutoCloseable {
        Map<String, String> properties();

        @Override
        void close();
    }

    static String database(String suffix) {
        return System.getProperty("archivist.test.database-name", "archivist_jdbc") + "_" + suffix;
    }

    Opened open(Path dir) {
        return open(dir, DATABASE);
    }

    /** A fresh {@code database} on a relational server (H2 and Mongo have theirs in {@code dir} or in this JVM). */
    Opened open(Path dir, String database) {
        String only = System.getProperty("archivist.test.databases", "");
        Assumptions.assumeTrue(
                this == EMBEDDED_H2
                        || this == MONGO
                        || only.isBlank()
                        || List.of(only.toUpperCase(Locale.ROOT).split(",")).contains(name()),
                name() + " is not among -Darchivist.test.databases=" + only);
        return switch (this) {
            case EMBEDDED_H2 ->
                opened(Map.of("archivist.data-dir", dir.resolve("data").toString()), () -> {});
            case POSTGRESQL ->
                server(
                        "postgresql",
                        "127.0.0.1:5432",
                        "postgres",
                        "postgres",
                        database,
                        "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)",
                        "CREATE DATABASE " + database);
            case MARIADB ->
                server(
                        "mariadb",
                        "127.0.0.1:3306",
                        "root",
                        "",
                        database,
                        "DROP DATABASE IF EXISTS " + database,
                        "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            case MONGO -> {
                InProcessMongo mongo = new InProcessMongo();
                yield opened(
                        Map.of(
                                "archivist.store",
                                "mongo",
                                "mongodb.uri",
                                mongo.uri() + "/durable",
                                // a unit the killed process left is recovered at the next start, not a lease later
                                "archivist.mongo.node-id",
                                "durable-test"),
                        mongo::close);
            }
        };
    }

    private static Opened server(
            String scheme,
            String fallback,
            String user,
            String adminDatabase,
            String database,
            String drop,
            String create) {
        String server = "jdbc:" + scheme + "://" + System.getProperty("archivist.test." + scheme, fallback) + "/";
        run(server + adminDatabase, user, drop, create);
        return opened(
                Map.of(
                        "datasources.default.url",
                        server + database,
                        "datasources.default.username",
                        user,
                        "datasources.default.password",
                        ""),
                () -> run(server + adminDatabase, user, drop));
    }

    private static void run(String url, String user, String... statements) {
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            String message = url + " is unreachable: " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (CI=true: a database the tests need must be up)", e);
            }
            Assumptions.abort(message + " (skipped; with CI=true this fails)");
        }
    }

    private static Opened opened(Map<String, String> properties, Runnable remove) {
        return new Opened() {
            @Override
            public Map<String, String> properties() {
                return properties;
            }

            @Override
            public void close() {
                remove.run();
            }
        };
    }
}
