package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdempotencyStore;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.RecordWrites;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.application.port.out.seed.SeedBatches;
import io.archivist.domain.ObjectType;
import io.archivist.domain.WorkspaceId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * the README's Run and Configuration as this module's beans see it: no configuration at all gives the embedded H2 file;
 * Micronaut's datasources.default.* points the store at PostgreSQL or MariaDB; archivist.store=mongo
 * leaves this module out (no DataSource, no migration).
 */
class JdbcStoreBeansIT {

    private static final List<Class<?>> PORTS = List.of(
            RecordReads.class,
            RecordWrites.class,
            RecordCascades.class,
            SeedBatches.class,
            CatalogStore.class,
            OperationLog.class,
            IdempotencyStore.class,
            UnitOfWork.class);

    @Test
    void with_no_configuration_the_store_is_an_h2_file_under_the_data_directory() throws Exception {
        Path dataDir = Path.of("target", "beans-" + UUID.randomUUID());
        HikariDataSource pool;
        try (ApplicationContext context = start(Map.of("archivist.data-dir", dataDir.toString()))) {
            PORTS.forEach(port -> assertTrue(context.containsBean(port), port.getSimpleName()));
            assertInstanceOf(H2Dialect.class, context.getBean(JdbcDatabase.class).dialect);
            definesAndReadsAType(context);
            assertTrue(Files.exists(dataDir.resolve("archivist.mv.db")), "the database file is under " + dataDir);
            pool = context.getBean(DataSource.class).unwrap(HikariDataSource.class);
        }
        assertTrue(pool.isClosed(), "stopping the service closes the embedded pool, and so the database file");
    }

    @Test
    void a_unit_of_work_joins_a_transaction_of_micronauts_transaction_manager() {
        Path dataDir = Path.of("target", "beans-" + UUID.randomUUID());
        try (ApplicationContext context = start(Map.of("archivist.data-dir", dataDir.toString()))) {
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> transactions =
                    context.getBean(Argument.of(TransactionOperations.class, Connection.class));
            WorkspaceId workspace = WorkspaceId.of("beans-" + UUID.randomUUID());
            ObjectType note = new ObjectType("note", true, List.of(), List.of(), Optional.empty());
            CatalogStore catalog = context.getBean(CatalogStore.class);
            transactions.executeWrite(status -> {
                context.getBean(UnitOfWork.class).write(workspace, () -> {
                    catalog.save(workspace, note);
                    return null;
                });
                assertEquals(List.of(note), catalog.types(workspace), "seen inside the transaction");
                status.setRollbackOnly();
                return null;
            });
            assertEquals(List.of(), catalog.types(workspace), "rolled back with the transaction it joined");
        }
    }

    @Test
    void datasources_default_points_the_store_at_postgresql() {
        TestDatabase.POSTGRESQL.database(); // reachable and created, or skipped
        try (ApplicationContext context = start(datasource(TestDatabase.POSTGRESQL))) {
            assertInstanceOf(PostgresDialect.class, context.getBean(JdbcDatabase.class).dialect);
            definesAndReadsAType(context);
        }
    }

    @Test
    void datasources_default_points_the_store_at_mariadb() {
        TestDatabase.MARIADB.database();
        try (ApplicationContext context = start(datasource(TestDatabase.MARIADB))) {
            assertInstanceOf(MariaDbDialect.class, context.getBean(JdbcDatabase.class).dialect);
            definesAndReadsAType(context);
        }
    }

    @Test
    void with_archivist_store_mongo_this_module_needs_no_datasource_and_migrates_nothing() {
        Path dataDir = Path.of("target", "beans-" + UUID.randomUUID());
        try (ApplicationContext context =
                start(Map.of("archivist.store", "mongo", "archivist.data-dir", dataDir.toString()))) {
            PORTS.forEach(port -> assertFalse(context.containsBean(port), port.getSimpleName()));
            assertFalse(context.containsBean(DataSource.class));
            assertFalse(context.containsBean(JdbcDatabase.class));
            assertFalse(Files.exists(dataDir), "no embedded database was made");
        }
    }

    private static Map<String, Object> datasource(TestDatabase database) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", database.url());
        properties.put("datasources.default.username", database.user());
        properties.put("datasources.default.password", "");
        return properties;
    }

    private static ApplicationContext start(Map<String, Object> properties) {
        return ApplicationContext.builder()
                .properties(properties)
                .deduceEnvironment(false)
                .start();
    }

    private static void definesAndReadsAType(ApplicationContext context) {
        WorkspaceId workspace = WorkspaceId.of("beans-" + UUID.randomUUID());
        ObjectType note = new ObjectType("note", true, List.of(), List.of(), Optional.empty());
        CatalogStore catalog = context.getBean(CatalogStore.class);
        context.getBean(UnitOfWork.class).write(workspace, () -> {
            catalog.save(workspace, note);
            return null;
        });
        assertEquals(List.of(note), catalog.types(workspace));
    }
}
