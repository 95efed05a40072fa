package io.archivist.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archivist.application.port.in.BulkCommand;
import io.archivist.application.port.in.BulkCommand.Action;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.Role.Permission;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits of LifecyclePolicy, and of requests, as the services apply them. */
class LimitsTest extends ServiceTestSupport {

    private static final LifecyclePolicy SMALL = new LifecyclePolicy(2, 1, 1000);

    @Test
    void r12_a_bulk_request_at_the_limit_runs_and_one_over_it_is_refused_before_any_work() {
        BulkLifecycleService limited = ports().bulkLifecycleService(SMALL);
        List<RecordId> two = List.of(account(), account());
        RecordId third = account();
        var before = snapshot();

        refused(
                ErrorCode.LIMIT_EXCEEDED,
                () -> limited.bulk(
                        new BulkCommand(manager(), Action.ARCHIVE, List.of(two.get(0), two.get(1), third), false)));
        assertEquals(before.records(), snapshot().records());

        ledger().ran(limited.bulk(new BulkCommand(manager(), Action.ARCHIVE, two, false))
                .operations());
        assertActive(third);
    }

    @Test
    void r12_the_role_is_checked_before_the_limit() {
        BulkLifecycleService limited = ports().bulkLifecycleService(SMALL);

        refused(
                ErrorCode.FORBIDDEN,
                () -> limited.bulk(
                        new BulkCommand(member(), Action.ARCHIVE, List.of(account(), account(), account()), false)));
    }

    @Test
    void r5_a_restore_and_its_preview_list_at_most_the_configured_number_of_left_archived_records() {
        LifecycleService limited = ports().lifecycleService(SMALL);
        Tree tree = tree();
        archive(tree.project());
        archive(tree.label());

        assertEquals(
                1,
                limited.preview(manager(), tree.project(), OperationKind.RESTORE)
                        .leftArchived()
                        .size());
        assertEquals(
                1,
                noted(limited.restore(LifecycleCommand.of(manager(), tree.project())))
                        .leftArchived()
                        .size());
    }

    @Test
    void r10_an_idempotency_key_is_1_to_255_characters() {
        String response = "200";

        refused(
                ErrorCode.VALIDATION_FAILED,
                () -> idempotency()
                        .once(manager(), Permission.LIFECYCLE, "", "f", () -> response, refused -> response));
        refused(
                ErrorCode.VALIDATION_FAILED,
                () -> idempotency()
                        .once(
                                manager(),
                                Permission.LIFECYCLE,
                                "k".repeat(256),
                                "f",
                                () -> response,
                                refused -> response));
        assertEquals(
                response,
                idempotency()
                        .once(
                                manager(),
                                Permission.LIFECYCLE,
                                "k".repeat(255),
                                "f",
                                () -> response,
                                refused -> response));
    }

    @Test
    void a_lifecycle_policy_refuses_limits_that_are_not_positive() {
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new LifecyclePolicy(0, 1, 1));
    }
}
