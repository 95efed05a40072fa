package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.out.RememberedAnswer;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.RecordId;
import io.archivist.domain.Role;
import io.archivist.domain.Role.Permission;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * R10, sentence by sentence: an Idempotency-Key is acted on once in 24 hours; its first response,
 * a refusal too, is remembered; the key is its caller's, the caller is authorised before any replay,
 * another request under the key is IDEMPOTENCY_KEY_REUSED, and kept answers are forgotten after 24 hours.
 */
public interface IdempotencyContract extends StoreContractSupport {

    @Test
    default void r10_a_repeat_with_the_same_key_and_body_returns_the_first_response_without_acting_again() {
        RecordId account = account();
        AtomicInteger acted = new AtomicInteger();
        Supplier<String> deleteAccount = () -> {
            acted.incrementAndGet();
            LifecycleResult result = delete(account);
            return answer(result.outcome().name());
        };

        String first = once(manager(), "key-1", "DELETE /records/" + account, deleteAccount);
        String retry = once(manager(), "key-1", "DELETE /records/" + account, deleteAccount);

        assertEquals(first, retry);
        assertEquals(1, acted.get());
        assertEquals("ARCHIVED", retry);
        assertTrue(stored(account).archived(), "a retried first DELETE never purges");
    }

    @Test
    default void r10_the_same_key_for_another_request_is_idempotency_key_reused_without_acting() {
        once(manager(), "key-1", "POST /records {a}", () -> answer("first"));
        AtomicInteger acted = new AtomicInteger();

        refused(
                ErrorCode.IDEMPOTENCY_KEY_REUSED,
                () -> once(manager(), "key-1", "POST /records {b}", () -> {
                    acted.incrementAndGet();
                    return answer("second");
                }));

        assertEquals(0, acted.get());
        assertEquals(
                "first",
                once(manager(), "key-1", "POST /records {a}", () -> answer("x")),
                "the refused reuse leaves the first answer in place");
    }

    @Test
    default void r10_a_key_is_answered_for_24_hours_then_acted_on_again() {
        AtomicInteger acted = new AtomicInteger();
        Supplier<String> action = () -> answer("run " + acted.incrementAndGet());
        once(manager(), "key-1", "POST /x", action);
        clock().advance(Duration.ofHours(23));
        assertEquals("run 1", once(manager(), "key-1", "POST /x", action));

        clock().advance(Duration.ofHours(2));

        assertEquals("run 2", once(manager(), "key-1", "POST /x", action));
    }

    @Test
    default void r10_a_refusal_is_a_first_response_too_its_writes_undone_and_replayed_after_the_cause_is_gone() {
        Tree tree = tree();
        archive(tree.project());
        AtomicInteger acted = new AtomicInteger();
        Supplier<String> createTask = () -> {
            acted.incrementAndGet();
            return answer(task(tree.project(), tree.label()).toString());
        };
        WorkspaceSnapshot before = snapshot();
        refused(ErrorCode.PARENT_ARCHIVED, () -> once(manager(), "key-1", "POST /records task", createTask));
        PlannerOracle.unchanged(before, snapshot());
        restore(tree.project());

        String replay = once(manager(), "key-1", "POST /records task", createTask);

        assertEquals(1, acted.get(), "the repeat does not act, though the parent is active again");
        assertEquals("409 " + ErrorCode.PARENT_ARCHIVED.name(), replay);
    }

    @Test
    default void r10_a_refusal_after_writing_is_undone_and_kept() {
        RecordId account = account();
        Supplier<String> failing = () -> {
            records().create(a(LABEL).under(account).command()); // not counted: the unit undoes it
            throw new ArchivistException(ErrorCode.VALIDATION_FAILED, "fails after writing");
        };
        WorkspaceSnapshot before = snapshot();

        refused(ErrorCode.VALIDATION_FAILED, () -> once(manager(), "key-1", "POST /x", failing));
        PlannerOracle.unchanged(before, snapshot());

        assertEquals(
                "400 " + ErrorCode.VALIDATION_FAILED.name(),
                once(manager(), "key-1", "POST /x", () -> answer("second")));
    }

    @Test
    default void r10_answers_that_invite_a_retry_and_failures_are_not_kept() {
        ArchivistException busy = new ArchivistException(ErrorCode.CONCURRENT_MODIFICATION, "try again");
        assertSame(
                busy,
                assertThrows(
                        ArchivistException.class,
                        () -> once(manager(), "key-1", "POST /x", () -> {
                            throw busy;
                        })));
        assertThrows(
                IllegalStateException.class,
                () -> once(manager(), "key-2", "POST /x", () -> {
                    throw new IllegalStateException("the store failed");
                }));

        assertEquals("acted", once(manager(), "key-1", "POST /x", () -> answer("acted")));
        assertEquals("acted", once(manager(), "key-2", "POST /x", () -> answer("acted")));
    }

    @Test
    default void r10_the_request_is_authorised_before_any_replay() {
        Caller asAdmin = Caller.user("kit-demoted", workspace(), Set.of(Role.ADMIN));
        Caller asMember = Caller.user("kit-demoted", workspace(), Set.of(Role.MEMBER));
        once(asAdmin, Permission.ADMINISTER, "key-1", "PUT /object-types/x", () -> answer("defined"));
        AtomicInteger acted = new AtomicInteger();

        refused(
                ErrorCode.FORBIDDEN,
                () -> once(asMember, Permission.ADMINISTER, "key-1", "PUT /object-types/x", () -> {
                    acted.incrementAndGet();
                    return answer("member");
                }));

        assertEquals(0, acted.get());
    }

    @Test
    default void r10_keys_belong_to_one_caller_in_one_workspace() {
        Caller colleague = Caller.user("kit-colleague", workspace(), Set.of(Role.JOURNEY_MANAGER));
        Caller elsewhere = managerOfAnotherWorkspace();
        once(manager(), "key-1", "POST /x", () -> answer("mine"));

        assertEquals("theirs", once(colleague, "key-1", "POST /x", () -> answer("theirs")));
        assertEquals(
                "other",
                once(elsewhere, "key-1", "POST /y", () -> answer("other")),
                "another caller's key is not a reuse, whatever it was sent with");
        assertEquals("mine", once(manager(), "key-1", "POST /x", () -> answer("again")));
    }

    @Test
    default void r10_the_remembered_answer_comes_back_exactly_as_it_was_written() {
        // As the REST adapter writes one (status, headers, body on lines of their own), with text of any script.
        String first = String.join(
                "\n",
                "201",
                "{\"ETag\":\"\\\"1\\\"\",\"Location\":\"/api/v1/records/1\"}",
                "{\"id\":\"1\",\"name\":\"Zo\u00eb \ud83d\ude00\"}",
                "");

        once(manager(), "key-1", "POST /x", () -> first);

        assertEquals(first, once(manager(), "key-1", "POST /x", () -> answer("again")));
    }

    @Test
    default void r10_kept_answers_are_forgotten_after_24_hours_in_the_store() {
        ports().idempotency().remember(workspace(), "kit-old", new RememberedAnswer("POST /old", "old", clock().now()));
        clock().advance(Duration.ofHours(20));
        ports().idempotency()
                .remember(workspace(), "kit-young", new RememberedAnswer("POST /young", "young", clock().now()));
        clock().advance(Duration.ofHours(5));

        assertTrue(idempotency().forgetExpired() >= 1);

        assertTrue(
                ports().idempotency()
                        .find(workspace(), "kit-old", Instant.EPOCH)
                        .isEmpty(),
                "gone from the store");
        assertEquals(
                "young",
                ports().idempotency()
                        .find(workspace(), "kit-young", Instant.EPOCH)
                        .orElseThrow()
                        .answer());
    }

    private String once(Caller caller, String key, String fingerprint, Supplier<String> action) {
        return once(caller, Permission.LIFECYCLE, key, fingerprint, action);
    }

    /** A refusal is remembered as its status and code, much as the REST adapter writes it. */
    private String once(Caller caller, Permission permission, String key, String fingerprint, Supplier<String> action) {
        return idempotency()
                .once(
                        caller,
                        permission,
                        key,
                        fingerprint,
                        action,
                        refused -> (refused.code().kind() == ErrorCode.Kind.CONFLICT ? 409 : 400) + " "
                                + refused.code().name());
    }

    /** An answer the action gives (the adapter's text; the application only keeps it). */
    private static String answer(String text) {
        return text;
    }
}
