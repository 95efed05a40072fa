package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoFixture.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import io.archivist.application.contract.StorePorts;
import io.archivist.application.port.in.CreateRecordCommand;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult.Outcome;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdempotencyStore;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.RecordWrites;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.application.port.out.seed.SeedBatches;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.LifecycleService;
import io.archivist.application.service.RecordService;
import io.archivist.application.service.TimeOrderedIds;
import io.archivist.domain.RecordId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * the README's Run and Configuration: ARCHIVIST_STORE=mongo and MONGODB_URI select the Mongo store. In a Micronaut context with
 * {@code archivist.store=mongo}, every port that lives in the database is a bean of this module and the
 * services run on them; without it, the module contributes nothing (the JDBC store is the default).
 */
class MongoStoreBeansIT {

    @RegisterExtension
    static final InProcessMongo server = new InProcessMongo();

    @Test
    void archivist_store_mongo_makes_every_database_port_a_mongo_bean_that_the_services_run_on() {
        try (ApplicationContext context =
                ApplicationContext.run(Map.of("archivist.store", "mongo", "mongodb.uri", server.uri() + "/beans"))) {
            StorePorts ports = new StorePorts(
                    context.getBean(RecordReads.class),
                    context.getBean(RecordWrites.class),
                    context.getBean(RecordCascades.class),
                    context.getBean(SeedBatches.class),
                    context.getBean(CatalogStore.class),
                    context.getBean(OperationLog.class),
                    context.getBean(UnitOfWork.class),
                    context.getBean(IdempotencyStore.class),
                    Instant::now,
                    new TimeOrderedIds());
            assertTrue(ports.reads() instanceof MongoRecordStore);
            assertTrue(ports.writes() instanceof MongoRecordStore);
            assertTrue(ports.cascades() instanceof MongoCascades);
            assertTrue(ports.seedBatches() instanceof RecordBatches);
            assertTrue(ports.unitOfWork() instanceof MongoUnitOfWork);
            assertTrue(
                    context.getBean(MongoClient.class)
                            .listDatabaseNames()
                            .into(new java.util.ArrayList<>())
                            .contains("beans"),
                    "the database named in the URI");

            RecordService records = ports.recordService();
            LifecycleService lifecycle = ports.lifecycleService(LifecyclePolicy.DEFAULT);
            RecordId user = records.create(new CreateRecordCommand(
                            ADMIN, "user", Optional.empty(), Map.of("username", "bob"), List.of()))
                    .record()
                    .id();
            assertEquals(
                    Outcome.ARCHIVED,
                    lifecycle.delete(LifecycleCommand.of(ADMIN, user)).outcome());
            assertEquals(
                    Outcome.RESTORED,
                    lifecycle.restore(LifecycleCommand.of(ADMIN, user)).outcome());
            lifecycle.delete(LifecycleCommand.of(ADMIN, user));
            assertEquals(
                    Outcome.PURGED,
                    lifecycle.delete(LifecycleCommand.of(ADMIN, user)).outcome());
            assertTrue(ports.records().find(ADMIN.workspace(), user).isEmpty());
        }
    }

    /** R14: a Mongo read or write waits as long as archivist.lifecycle.write-wait allows, unless set apart. */
    @Test
    void the_lease_and_read_waits_follow_the_write_wait_unless_set_apart() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "archivist.store",
                "mongo",
                "mongodb.uri",
                server.uri() + "/waits",
                "archivist.lifecycle.write-wait",
                "7s"))) {
            MongoStoreSettings settings = ((MongoUnitOfWork) context.getBean(UnitOfWork.class)).settings();
            assertEquals(java.time.Duration.ofSeconds(7), settings.writeWait());
            assertEquals(java.time.Duration.ofSeconds(7), settings.readWait());
        }
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "archivist.store",
                "mongo",
                "mongodb.uri",
                server.uri() + "/waits",
                "archivist.lifecycle.write-wait",
                "7s",
                "archivist.mongo.read-wait",
                "2s"))) {
            MongoStoreSettings settings = ((MongoUnitOfWork) context.getBean(UnitOfWork.class)).settings();
            assertEquals(java.time.Duration.ofSeconds(7), settings.writeWait());
            assertEquals(java.time.Duration.ofSeconds(2), settings.readWait());
        }
    }

    @Test
    void r15_writes_are_acknowledged_by_a_majority_and_journaled_whatever_w_the_uri_names() {
        try (ApplicationContext context =
                ApplicationContext.run(Map.of("archivist.store", "mongo", "mongodb.uri", server.uri() + "/durable"))) {
            assertEquals(
                    WriteConcern.MAJORITY.withJournal(true),
                    context.getBean(MongoClient.class).getDatabase("durable").getWriteConcern());
        }
        try (ApplicationContext context = ApplicationContext.run(
                Map.of("archivist.store", "mongo", "mongodb.uri", server.uri() + "/durable?w=1"))) {
            assertEquals(
                    WriteConcern.W1.withJournal(true),
                    context.getBean(MongoClient.class).getDatabase("durable").getWriteConcern());
        }
        Exception refused = assertThrows(
                BeanInstantiationException.class,
                () -> ApplicationContext.run(
                                Map.of("archivist.store", "mongo", "mongodb.uri", server.uri() + "/durable?w=0"))
                        .close());
        assertTrue(rootMessage(refused).contains("w=0"), rootMessage(refused));
    }

    @Test
    void without_archivist_store_mongo_the_module_contributes_no_bean() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("mongodb.uri", server.uri()))) {
            assertFalse(context.containsBean(RecordReads.class));
            assertFalse(context.containsBean(UnitOfWork.class));
            assertFalse(context.containsBean(MongoClient.class));
        }
    }

    @Test
    void archivist_store_mongo_without_a_uri_says_what_is_missing() {
        Exception refused = assertThrows(
                BeanInstantiationException.class,
                () -> ApplicationContext.run(Map.of("archivist.store", "mongo")).close());
        assertTrue(rootMessage(refused).contains("MONGODB_URI"), rootMessage(refused));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
