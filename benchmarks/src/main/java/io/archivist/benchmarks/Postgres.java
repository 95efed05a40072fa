package io.archivist.benchmarks;

import io.archivist.application.port.out.UnitOfWork;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's PostgreSQL database: Archivist's JDBC store opened on it through Micronaut (as the
 * service opens it), plain JDBC connections for the baselines, and the housekeeping between
 * repetitions (empty every table, then VACUUM ANALYZE, so each repetition starts from the same state).
 */
final class Postgres implements AutoCloseable {

    private final Options options;
    private final ApplicationContext context;
    final Archivist archivist;

    private Postgres(Options options, ApplicationContext context) {
        this.options = options;
        this.context = context;
        this.archivist = Archivist.of(context, context.getBean(UnitOfWork.class));
    }

    /** Creates the database when missing, drops whatever an earlier run left, then opens the store (which creates its schema). */
    static Postgres open(Options options) throws SQLException {
        createEmptyDatabase(options);
        ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties(Map.of(
                        "datasources.default.url",
                        archivistUrl(options),
                        "datasources.default.username",
                        options.pgUser(),
                        "datasources.default.password",
                        options.pgPassword(),
                        "datasources.default.driver-class-name",
                        "org.postgresql.Driver",
                        "datasources.default.maximum-pool-size",
                        4,
                        // The REST module is on the classpath (for P6): its eager beans want a key, and
                        // its retention job must not run.
                        "archivist.jwt.secret",
                        "benchmark-context-without-a-server-0123456789",
                        "archivist.retention.enabled",
                        false))
                .start();
        Postgres db = new Postgres(options, context); // the store is open: its schema is there
        afterMigration(options);
        return db;
    }

    /**
     * --pg-after-migration's SQL, run on the fresh schema before any data: on a Citus coordinator, the
     * script that distributes the store's tables (docs/citus.md), so that the scenarios run distributed.
     */
    private static void afterMigration(Options options) throws SQLException {
        if (options.pgAfterMigration().isEmpty()) {
            return;
        }
        String sql;
        try {
            sql = Files.readString(Path.of(options.pgAfterMigration()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = DriverManager.getConnection(options.pgUrl(), options.pgUser(), options.pgPassword());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
        Log.info("ran %s on the fresh schema", options.pgAfterMigration());
    }

    /**
     * The database of {@code options}, made when missing, without any table: the store that opens it creates its
     * schema. Its tables are dropped, not the schema: on a Citus coordinator the schema holds objects of the
     * extension too, and dropping it would take the extension with it.
     */
    static void createEmptyDatabase(Options options) throws SQLException {
        createDatabaseIfMissing(options);
        try (Connection c = DriverManager.getConnection(options.pgUrl(), options.pgUser(), options.pgPassword());
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT quote_ident(c.relname) FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'"
                    + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
                    + " AND d.objid = c.oid AND d.deptype = 'e')")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                s.execute("DROP TABLE " + String.join(", ", tables) + " CASCADE");
            }
        }
    }

    /**
     * Ends every other session of the database of {@code options}: a statement keeps running in
     * PostgreSQL after its client gave up or closed, and must not load the machine after the run.
     */
    static void endSessions(Options options) throws SQLException {
        try (Connection c = DriverManager.getConnection(options.pgUrl(), options.pgUser(), options.pgPassword());
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
    }

    /** The benchmark's own database (archivist_bench by default), made on first use from the server's postgres database. */
    static void createDatabaseIfMissing(Options options) throws SQLException {
        try (Connection ignored =
                DriverManager.getConnection(options.pgUrl(), options.pgUser(), options.pgPassword())) {
            return;
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) { // invalid_catalog_name: the database does not exist
                throw e;
            }
        }
        Matcher url = DATABASE_IN_URL.matcher(options.pgUrl());
        if (!url.matches()) {
            throw new SQLException("cannot tell the database name in " + options.pgUrl());
        }
        try (Connection c = DriverManager.getConnection(
                        url.group(1) + "postgres" + url.group(3), options.pgUser(), options.pgPassword());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + url.group(2).replace("\"", "\"\"") + "\"");
        }
    }

    /** The same server and settings, on the database named like that of {@code options} with {@code suffix} added. */
    static Options otherDatabase(Options options, String suffix) {
        Matcher url = DATABASE_IN_URL.matcher(options.pgUrl());
        if (!url.matches()) {
            throw new IllegalArgumentException("cannot tell the database name in " + options.pgUrl());
        }
        return options.withPgUrl(url.group(1) + url.group(2) + suffix + url.group(3));
    }

    private static final Pattern DATABASE_IN_URL = Pattern.compile("(jdbc:postgresql://[^/]*/)([^?]+)(.*)");

    /**
     * The URL Archivist runs on: the database's, with what the README tells a PostgreSQL deployment to
     * add ({@code reWriteBatchedInserts=true}, for large seed imports).
     */
    static String archivistUrl(Options options) {
        String url = options.pgUrl();
        if (url.contains(PgInsertBaseline.REWRITE)) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + PgInsertBaseline.REWRITE;
    }

    /** A plain connection for a baseline; {@code extra} adds driver properties to the URL. */
    Connection connect(String extra) throws SQLException {
        String url = options.pgUrl() + (extra.isEmpty() ? "" : (options.pgUrl().contains("?") ? "&" : "?") + extra);
        return DriverManager.getConnection(url, options.pgUser(), options.pgPassword());
    }

    /** Empties every table of the store (not the migration history), then vacuums and analyses them. */
    void reset() throws SQLException {
        try (Connection c = connect("");
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    + " AND tablename <> 'archivist_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            s.execute("TRUNCATE " + String.join(", ", tables));
        }
        vacuumAnalyze();
    }

    /** After loading: fresh statistics and visibility maps, as a database that has settled would have. */
    void vacuumAnalyze() throws SQLException {
        vacuumAnalyze(options);
    }

    static void vacuumAnalyze(Options options) throws SQLException {
        try (Connection c = DriverManager.getConnection(options.pgUrl(), options.pgUser(), options.pgPassword());
                Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        }
    }

    String version() throws SQLException {
        try (Connection c = connect("");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SHOW server_version")) {
            rows.next();
            return "PostgreSQL " + rows.getString(1);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
