package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.BulkCommand;
import io.archivist.application.port.in.BulkResult;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.in.RetentionRun;
import io.archivist.application.port.out.seed.SeedBatches.RecordWithUniqueValues;
import io.archivist.application.service.BulkLifecycleService;
import io.archivist.application.service.CatalogService;
import io.archivist.application.service.IdempotencyService;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.LifecycleService;
import io.archivist.application.service.OperationRestoreService;
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
import io.archivist.domain.UniqueValues;
import io.archivist.domain.WorkspaceId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/**
 * The ground every contract stands on: the helpers every contract uses, over one accessor,
 * {@link #kit()}. A store runs the whole kit by implementing {@link StoreContract} (or a few of the
 * contracts) and returning a {@link KitFixture} over its ports, made fresh for each test. Every test
 * gets a fresh random workspace (so a store needs no cleanup between tests) with the kit's catalog
 * ({@link KitTypes}), and ends with I1-I4 checked through the port ({@link Invariants}).
 */
public interface StoreContractSupport extends KitTypes {

    /** What this test works with; one per test (see {@link KitFixture}). */
    KitFixture kit();

    @BeforeEach
    default void startInFreshWorkspace() {
        kit().start();
    }

    @AfterEach
    default void invariantsHoldInEveryWorkspaceTouched() {
        kit().ledgers.forEach((space, ledger) -> {
            List<String> violations = Invariants.violations(ports(), space, Optional.of(ledger));
            assertTrue(violations.isEmpty(), "after the test, in " + space + ": " + violations);
        });
    }

    // ---- what the test works with ---------------------------------------------------------------

    default WorkspaceId workspace() {
        return kit().workspace;
    }

    default MovableClock clock() {
        return kit().clock;
    }

    /** The store's ports, on the kit's clock. */
    default StorePorts ports() {
        return kit().ports;
    }

    /** The limits the services run with. */
    default LifecyclePolicy policy() {
        return kit().policy;
    }

    /** The lifecycle actor of most tests: a JOURNEY_MANAGER (docs/lifecycle.md#roles). */
    default Caller manager() {
        return kit().manager;
    }

    default Caller admin() {
        return kit().admin;
    }

    default Caller member() {
        return kit().member;
    }

    default LifecycleService lifecycle() {
        return kit().lifecycle;
    }

    default RecordService records() {
        return kit().records;
    }

    default BulkLifecycleService bulk() {
        return kit().bulk;
    }

    default CatalogService catalog() {
        return kit().catalog;
    }

    default OperationService operations() {
        return kit().operations;
    }

    default OperationRestoreService operationRestore() {
        return kit().operationRestore;
    }

    default RetentionService retention() {
        return kit().retention;
    }

    default IdempotencyService idempotency() {
        return kit().idempotency;
    }

    default WorkspaceId freshWorkspace() {
        return KitFixture.freshWorkspace();
    }

    /** Another workspace with the kit's catalog, and a manager of it. */
    default Caller managerOfAnotherWorkspace() {
        WorkspaceId other = freshWorkspace();
        KitTypes.defineKitTypes(catalog(), Caller.user("kit-admin", other, Set.of(Role.ADMIN)));
        ledger(other);
        return Caller.user("kit-manager", other, Set.of(Role.JOURNEY_MANAGER));
    }

    default Ledger ledger(WorkspaceId space) {
        return kit().ledger(space);
    }

    default Ledger ledger() {
        return ledger(workspace());
    }

    // ---- records, as the rules speak of them -------------------------------------------------------

    /** A record of {@code type} about to be created by the manager; see {@link NewRecord}. */
    default NewRecord a(String type) {
        return new NewRecord(this, type, manager());
    }

    default RecordId account() {
        return a(ACCOUNT).create();
    }

    default RecordId project(RecordId account) {
        return a(PROJECT).under(account).create();
    }

    default RecordId project(RecordId account, String code) {
        return a(PROJECT).under(account).with(CODE, code).create();
    }

    default RecordId label(RecordId account) {
        return a(LABEL).under(account).create();
    }

    /** A task has two parents: the diamond of R1. */
    default RecordId task(RecordId project, RecordId label) {
        return a(TASK).under(project, label).create();
    }

    default RecordId comment(RecordId task) {
        return a(COMMENT).under(task).create();
    }

    /** docs/lifecycle.md#concepts: the caller's own user is the active user whose username is the token's sub. */
    default RecordId ownUser(Caller of) {
        return a(USER).with(USERNAME, of.actor()).create();
    }

    /**
     * The kit's usual graph: an account with a project and a label under it, a task under both
     * (a diamond), a comment under the task.
     */
    record Tree(RecordId account, RecordId project, RecordId label, RecordId task, RecordId comment) {
        public List<RecordId> all() {
            return List.of(account, project, label, task, comment);
        }
    }

    default Tree tree() {
        RecordId account = account();
        RecordId project = project(account);
        RecordId label = label(account);
        RecordId task = task(project, label);
        return new Tree(account, project, label, task, comment(task));
    }

    // ---- actions, each logged in the ledger ----------------------------------------------------

    default LifecycleResult delete(RecordId id) {
        return noted(lifecycle().delete(LifecycleCommand.of(manager(), id)));
    }

    default LifecycleResult archive(RecordId id) {
        return noted(lifecycle().archive(LifecycleCommand.of(manager(), id)));
    }

    default LifecycleResult restore(RecordId id) {
        return noted(lifecycle().restore(LifecycleCommand.of(manager(), id)));
    }

    default LifecycleResult noted(LifecycleResult result) {
        result.operation().ifPresent(ledger()::ran);
        return result;
    }

    default BulkResult bulk(BulkCommand.Action action, boolean atomic, RecordId... ids) {
        BulkResult result = bulk().bulk(new BulkCommand(manager(), action, Arrays.asList(ids), atomic));
        ledger().ran(result.operations());
        return result;
    }

    /** R11's job; the operations it ran in this test's workspace. */
    default List<Operation> purgeExpired() {
        return purgeExpired(retention());
    }

    /**
     * The job looks at every workspace of the store, and may purge what earlier tests left: only
     * the operations in this test's workspaces are its own.
     */
    default List<Operation> purgeExpired(RetentionService job) {
        return retentionRun(job).operations().stream()
                .filter(operation -> operation.workspace().equals(workspace()))
                .toList();
    }

    /** One run of R11's job, its operations in every workspace of the kit noted in their ledgers. */
    default RetentionRun retentionRun(RetentionService job) {
        RetentionRun run = job.purgeExpired();
        run.operations().stream()
                .filter(operation -> kit().ledgers.containsKey(operation.workspace()))
                .forEach(operation -> ledger(operation.workspace()).ran(operation));
        return run;
    }

    // ---- reading through the port ---------------------------------------------------------------

    default Optional<StoredRecord> find(RecordId id) {
        return ports().records().find(workspace(), id);
    }

    default StoredRecord stored(RecordId id) {
        return find(id).orElseThrow(() -> new AssertionError("record " + id + " is not stored"));
    }

    default WorkspaceSnapshot snapshot() {
        return WorkspaceSnapshot.read(ports(), workspace());
    }

    /** The active record that holds {@code value} of {@code attribute} among {@code type}'s records (R6). */
    default Optional<RecordId> holderOf(String type, String attribute, Object value) {
        return ports().records().activeHolder(workspace(), type, attribute, UniqueValues.canonical(attribute, value));
    }

    /** The unique values {@code record} claims, as the kit's catalog says. */
    default Map<String, String> values(StoredRecord record) {
        return UniqueValues.of(snapshot().catalog().require(record.type()), record.attributes());
    }

    default RecordWithUniqueValues withValues(StoredRecord record) {
        return new RecordWithUniqueValues(record, values(record));
    }

    /** Runs {@code work} through the port in one unit of work of the test's workspace. */
    default void write(Runnable work) {
        ports().unitOfWork().write(workspace(), () -> {
            work.run();
            return null;
        });
    }

    default void assertArchivedBy(Operation operation, RecordId... ids) {
        for (RecordId id : ids) {
            StoredRecord record = stored(id);
            assertEquals(Optional.of(operation.id()), record.archiveOperation(), "archive_operation of " + id);
            assertEquals(Optional.of(operation.at()), record.deletedAt(), "deleted_at of " + id);
        }
    }

    default void assertActive(RecordId... ids) {
        for (RecordId id : ids) {
            StoredRecord record = stored(id);
            assertTrue(!record.archived() && record.archiveOperation().isEmpty(), id + " is active");
        }
    }

    default void assertGone(RecordId... ids) {
        for (RecordId id : ids) {
            assertEquals(Optional.empty(), find(id), "record " + id + " is purged");
        }
    }

    /** Runs {@code action}, which a rule must refuse with {@code code}; returns the refusal. */
    default ArchivistException refused(ErrorCode code, Executable action) {
        ArchivistException refusal = assertThrows(ArchivistException.class, action);
        assertEquals(code, refusal.code(), refusal.getMessage());
        return refusal;
    }
}
