package io.archivist.application.contract;

import io.archivist.application.service.BulkLifecycleService;
import io.archivist.application.service.CatalogService;
import io.archivist.application.service.IdempotencyService;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.LifecycleService;
import io.archivist.application.service.OperationRestoreService;
import io.archivist.application.service.OperationService;
import io.archivist.application.service.RecordService;
import io.archivist.application.service.RetentionService;
import io.archivist.domain.Caller;
import io.archivist.domain.Role;
import io.archivist.domain.WorkspaceId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one kit test works with: a fresh random workspace in the store under test, the services built
 * by hand over the store's ports (its TimeSource replaced by a {@link MovableClock}), the callers of
 * each role, and a {@link Ledger} of what the test did in each workspace it touched.
 * <p>
 * A store test makes one per test, as a field (JUnit makes a new test instance for every test):
 * <pre>
 * private final KitFixture kit = new KitFixture(ports);
 * </pre>
 * Building it reads nothing from the store; {@link #start()} (run before each test by
 * {@link StoreContractSupport}) defines the kit's catalog in the workspace.
 */
public final class KitFixture {

    final WorkspaceId workspace = freshWorkspace();
    final MovableClock clock;
    final StorePorts ports;
    final LifecyclePolicy policy;
    /** The lifecycle actor of most tests: a JOURNEY_MANAGER (docs/lifecycle.md#roles). */
    final Caller manager = Caller.user("kit-manager", workspace, Set.of(Role.JOURNEY_MANAGER));

    final Caller admin = Caller.user("kit-admin", workspace, Set.of(Role.ADMIN));
    final Caller member = Caller.user("kit-member", workspace, Set.of(Role.MEMBER));

    final LifecycleService lifecycle;
    final RecordService records;
    final BulkLifecycleService bulk;
    final CatalogService catalog;
    final OperationService operations;
    final OperationRestoreService operationRestore;
    final RetentionService retention;
    final IdempotencyService idempotency;

    final Map<WorkspaceId, Ledger> ledgers = new ConcurrentHashMap<>();

    /** The store's ports, with the services' default limits. */
    public KitFixture(StorePorts store) {
        this(store, LifecyclePolicy.DEFAULT);
    }

    /** The store's ports, with the limits the services run with (a store test may lower them). */
    public KitFixture(StorePorts store, LifecyclePolicy policy) {
        this.clock = new MovableClock(store.time().now());
        this.ports = store.withTime(clock);
        this.policy = policy;
        lifecycle = ports.lifecycleService(policy);
        records = ports.recordService(policy);
        bulk = ports.bulkLifecycleService(policy);
        catalog = ports.catalogService();
        operations = ports.operationService();
        operationRestore = ports.operationRestoreService(policy);
        retention = ports.retentionService(policy);
        idempotency = ports.idempotencyService();
    }

    /** Defines the kit's catalog in the test's workspace. */
    void start() {
        KitTypes.defineKitTypes(catalog, admin);
        ledger(workspace);
    }

    static WorkspaceId freshWorkspace() {
        return WorkspaceId.of("kit-" + UUID.randomUUID());
    }

    Ledger ledger(WorkspaceId space) {
        return ledgers.computeIfAbsent(space, s -> new Ledger());
    }
}
