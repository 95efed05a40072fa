package io.archivist.application.contract;

import io.archivist.application.port.in.BulkCommand;
import io.archivist.application.port.in.BulkResult;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.contract.StorePorts;
import io.archivist.application.service.BulkLifecycleService;
import io.archivist.application.service.CatalogService;
import io.archivist.application.service.IdempotencyService;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.LifecycleService;
import io.archivist.application.service.OperationService;
import io.archivist.application.service.RecordService;
import io.archivist.application.service.RetentionService;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Operation;
import io.archivist.domain.RecordId;
import io.archivist.domain.Role;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ground every contract stands on. A store runs the whole kit by extending {@link StoreContract}
 * and returning its ports from {@link #ports()}; the kit replaces their TimeSource with a
 * {@link MovableClock} and builds the services over them by hand. Every test gets a fresh random
 * workspace (so a store needs no cleanup between tests) with the kit's catalog ({@link KitTypes}),
 * and ends with I1-I4 checked through the port ({@link Invariants}).
 */
public abstract class StoreContractSupport extends KitTypes {

    /** The store under test. Called before every test; it may return the same stores every time. */
    protected abstract StorePorts ports();

    /** The limits the services run with; a store test may lower them. */
    protected LifecyclePolicy policy() {
        return LifecyclePolicy.DEFAULT;
    }

    protected WorkspaceId workspace;
    protected MovableClock clock;
    protected StorePorts ports;
    /** The lifecycle actor of most tests: a JOURNEY_MANAGER (docs/lifecycle.md#roles). */
    protected Caller manager;
    protected Caller admin;
    protected Caller member;

    protected LifecycleService lifecycle;
    protected RecordService records;
    protected BulkLifecycleService bulk;
    protected CatalogService catalog;
    protected OperationService operations;
    protected RetentionService retention;
    protected IdempotencyService idempotency;

    private final Map<WorkspaceId, Ledger> ledgers = new ConcurrentHashMap<>();

    @BeforeEach
    void startInFreshWorkspace() {
        StorePorts given = ports();
        clock = new MovableClock(given.time().now());
        ports = given.withTime(clock);
        lifecycle = ports.lifecycleService(policy());
        records = ports.recordService(policy());
        bulk = ports.bulkLifecycleService(policy());
        catalog = ports.catalogService();
        operations = ports.operationService();
        retention = ports.retentionService(policy());
        idempotency = ports.idempotencyService();
        workspace = freshWorkspace();
        manager = Caller.user("kit-manager", workspace, Set.of(Role.JOURNEY_MANAGER));
        admin = Caller.user("kit-admin", workspace, Set.of(Role.ADMIN));
        member = Caller.user("kit-member", workspace, Set.of(Role.MEMBER));
        defineKitTypes(catalog, admin);
        ledger(workspace);
    }

    @AfterEach
    void invariantsHoldInEveryWorkspaceTouched() {
        ledgers.forEach((space, ledger) -> {
            List<String> violations = Invariants.violations(ports, space, Optional.of(ledger));
            assertTrue(violations.isEmpty(), "after the test, in " + space + ": " + violations);
        });
    }

    protected static WorkspaceId freshWorkspace() {
        return WorkspaceId.of("kit-" + UUID.randomUUID());
    }

    /** Another workspace with the kit's catalog, and a manager of it. */
    protected Caller managerOfAnotherWorkspace() {
        WorkspaceId other = freshWorkspace();
        defineKitTypes(catalog, Caller.user("kit-admin", other, Set.of(Role.ADMIN)));
        ledger(other);
        return Caller.user("kit-manager", other, Set.of(Role.JOURNEY_MANAGER));
    }

    protected Ledger ledger(WorkspaceId space) {
        return ledgers.computeIfAbsent(space, s -> new Ledger());
    }

    protected Ledger ledger() {
        return ledger(workspace);
    }

    // ---- records, as the rules speak of them -------------------------------------------------------

    /** A record of {@code type} about to be created by the manager; see {@link NewRecord}. */
    protected NewRecord a(String type) {
        return new NewRecord(this, type, manager);
    }

    protected RecordId account() {
        return a(ACCOUNT).create();
    }

    protected RecordId project(RecordId account) {
        return a(PROJECT).under(account).create();
    }

    protected RecordId project(RecordId account, String code) {
        return a(PROJECT).under(account).with(CODE, code).create();
    }

    protected RecordId label(RecordId account) {
        return a(LABEL).under(account).create();
    }

    /** A task has two parents: the diamond of R1. */
    protected RecordId task(RecordId project, RecordId label) {
        return a(TASK).under(project, label).create();
    }

    protected RecordId comment(RecordId task) {
        return a(COMMENT).under(task).create();
    }

    /** docs/lifecycle.md#concepts: the caller's own user is the active user whose username is the token's sub. */
    protected RecordId ownUser(Caller of) {
        return a(USER).with(USERNAME, of.actor()).create();
    }

    /**
     * The kit's usual graph: an account with a project and a label under it, a task under both
     * (a diamond), a comment under the task.
     */
    protected record Tree(RecordId account, RecordId project, RecordId label, RecordId task, RecordId comment) {
        public List<RecordId> all() {
            return List.of(account, project, label, task, comment);
        }
    }

    protected Tree tree() {
        RecordId account = account();
        RecordId project = project(account);
        RecordId label = label(account);
        RecordId task = task(project, label);
        return new Tree(account, project, label, task, comment(task));
    }

    // ---- actions, each logged in the ledger ----------------------------------------------------

    protected LifecycleResult delete(RecordId id) {
        return noted(lifecycle.delete(LifecycleCommand.of(manager, id)));
    }

    protected LifecycleResult archive(RecordId id) {
        return noted(lifecycle.archive(LifecycleCommand.of(manager, id)));
    }

    protected LifecycleResult restore(RecordId id) {
        return noted(lifecycle.restore(LifecycleCommand.of(manager, id)));
    }

    protected LifecycleResult noted(LifecycleResult result) {
        result.operation().ifPresent(ledger()::ran);
        return result;
    }

    protected BulkResult bulk(BulkCommand.Action action, boolean atomic, RecordId... ids) {
        BulkResult result = bulk.bulk(new BulkCommand(manager, action, Arrays.asList(ids), atomic));
        ledger().ran(result.operations());
        return result;
    }

    /** R11's job; the operations it ran in this test's workspace. */
    protected List<Operation> purgeExpired() {
        return purgeExpired(retention);
    }

    /**
     * The job looks at every workspace of the store, and may purge what earlier tests left: only
     * the operations in this test's workspaces are its own.
     */
    protected List<Operation> purgeExpired(RetentionService job) {
        List<Operation> ran = job.purgeExpired();
        ran.stream().filter(operation -> ledgers.containsKey(operation.workspace()))
                .forEach(operation -> ledger(operation.workspace()).ran(operation));
        return ran.stream().filter(operation -> operation.workspace().equals(workspace)).toList();
    }

    // ---- reading through the port ---------------------------------------------------------------

    protected Optional<StoredRecord> find(RecordId id) {
        return ports.records().find(workspace, id);
    }

    protected StoredRecord stored(RecordId id) {
        return find(id).orElseThrow(() -> new AssertionError("record " + id + " is not stored"));
    }

    protected WorkspaceSnapshot snapshot() {
        return WorkspaceSnapshot.read(ports, workspace);
    }

    protected void assertArchivedBy(Operation operation, RecordId... ids) {
        for (RecordId id : ids) {
            StoredRecord record = stored(id);
            assertEquals(Optional.of(operation.id()), record.archiveOperation(), "archive_operation of " + id);
            assertEquals(Optional.of(operation.at()), record.deletedAt(), "deleted_at of " + id);
        }
    }

    protected void assertActive(RecordId... ids) {
        for (RecordId id : ids) {
            StoredRecord record = stored(id);
            assertTrue(!record.archived() && record.archiveOperation().isEmpty(), id + " is active");
        }
    }

    protected void assertGone(RecordId... ids) {
        for (RecordId id : ids) {
            assertEquals(Optional.empty(), find(id), "record " + id + " is purged");
        }
    }

    /** Runs {@code action}, which a rule must refuse with {@code code}; returns the refusal. */
    protected static ArchivistException refused(ErrorCode code, Executable action) {
        ArchivistException refusal = assertThrows(ArchivistException.class, action);
        assertEquals(code, refusal.code(), refusal.getMessage());
        return refusal;
    }
}
