package io.archivist.application.contract;

import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.in.RememberedResponse;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.RecordId;
import io.archivist.domain.Role;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R10: an Idempotency-Key is acted on once in 24 hours; its first response is remembered with the action. */
public abstract class IdempotencyContract extends ReadOnlyContract {

    @Test
    void r10_a_repeat_with_the_same_key_and_body_returns_the_first_response_without_acting_again() {
        RecordId account = account();
        AtomicInteger acted = new AtomicInteger();
        Supplier<RememberedResponse> deleteAccount = () -> {
            acted.incrementAndGet();
            LifecycleResult result = delete(account);
            return response("DELETE /records/" + account, result.outcome().name());
        };

        RememberedResponse first = idempotency.once(manager, "key-1", "DELETE /records/" + account, deleteAccount);
        RememberedResponse retry = idempotency.once(manager, "key-1", "DELETE /records/" + account, deleteAccount);

        assertEquals(first, retry);
        assertEquals(1, acted.get());
        assertEquals("ARCHIVED", retry.body());
        assertTrue(stored(account).archived(), "a retried first DELETE never purges");
    }

    @Test
    void r10_the_same_key_for_another_request_is_refused_without_acting() {
        idempotency.once(manager, "key-1", "POST /records {a}", () -> response("POST /records {a}", "first"));
        AtomicInteger acted = new AtomicInteger();

        refused(ErrorCode.VALIDATION_FAILED, () -> idempotency.once(manager, "key-1", "POST /records {b}", () -> {
            acted.incrementAndGet();
            return response("POST /records {b}", "second");
        }));

        assertEquals(0, acted.get());
    }

    @Test
    void r10_a_key_is_answered_for_24_hours_then_acted_on_again() {
        AtomicInteger acted = new AtomicInteger();
        Supplier<RememberedResponse> action = () -> response("POST /x", "run " + acted.incrementAndGet());
        idempotency.once(manager, "key-1", "POST /x", action);
        clock.advance(Duration.ofHours(23));
        assertEquals("run 1", idempotency.once(manager, "key-1", "POST /x", action).body());

        clock.advance(Duration.ofHours(2));

        assertEquals("run 2", idempotency.once(manager, "key-1", "POST /x", action).body());
    }

    @Test
    void r10_a_failed_action_is_not_remembered_and_what_it_wrote_is_undone() {
        RecordId account = account();
        Supplier<RememberedResponse> failing = () -> {
            records.create(a(LABEL).under(account).command()); // not counted: the unit undoes it
            throw new ArchivistException(ErrorCode.VALIDATION_FAILED, "fails after writing");
        };
        WorkspaceSnapshot before = snapshot();

        assertThrows(ArchivistException.class, () -> idempotency.once(manager, "key-1", "POST /x", failing));
        PlannerOracle.unchanged(before, snapshot());

        assertEquals("second", idempotency.once(manager, "key-1", "POST /x", () -> response("POST /x", "second")).body());
    }

    @Test
    void r10_keys_belong_to_one_caller_in_one_workspace() {
        Caller colleague = Caller.user("kit-colleague", workspace, Set.of(Role.JOURNEY_MANAGER));
        Caller elsewhere = managerOfAnotherWorkspace();
        idempotency.once(manager, "key-1", "POST /x", () -> response("POST /x", "mine"));

        assertEquals("theirs", idempotency.once(colleague, "key-1", "POST /x", () -> response("POST /x", "theirs")).body());
        assertEquals("other", idempotency.once(elsewhere, "key-1", "POST /x", () -> response("POST /x", "other")).body());
        assertEquals("mine", idempotency.once(manager, "key-1", "POST /x", () -> response("POST /x", "again")).body());
    }

    @Test
    void r10_the_remembered_response_keeps_status_headers_and_body() {
        RememberedResponse first = new RememberedResponse("POST /x", 201, "{\"id\":\"1\"}",
                Map.of("ETag", "\"1\"", "Location", "/api/v1/records/1"), clock.now());

        idempotency.once(manager, "key-1", "POST /x", () -> first);

        assertEquals(first, idempotency.once(manager, "key-1", "POST /x", () -> response("POST /x", "again")));
    }

    private RememberedResponse response(String fingerprint, String body) {
        return new RememberedResponse(fingerprint, 200, body, Map.of(), clock.now());
    }
}
