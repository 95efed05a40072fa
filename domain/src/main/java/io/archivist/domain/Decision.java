package io.archivist.domain;

import java.util.function.Function;

/**
 * What {@link Lifecycle#decide} answers for one record: run an operation, leave the record as it is,
 * or refuse. A value rather than an exception, so that a single request, a bulk request and a preview
 * ask the same question and render the same answer each in its own words.
 */
public sealed interface Decision {

    /** The answer, by case; {@code refuse} typically throws {@link Blocker#toException()}. */
    <T> T fold(Function<OperationKind, T> act, Function<String, T> unchanged, Function<Blocker, T> refuse);

    /** Whether the answer is to run an operation of {@code kind}. */
    default boolean acts(OperationKind kind) {
        return fold(kind::equals, unchanged -> false, refused -> false);
    }

    /** Run an operation of {@code kind} from this record; its cascade may still be blocked (R5, R6, R7, R14). */
    record Act(OperationKind kind) implements Decision {
        @Override
        public <T> T fold(Function<OperationKind, T> act, Function<String, T> unchanged, Function<Blocker, T> refuse) {
            return act.apply(kind);
        }
    }

    /**
     * The record already has the state asked for: nothing changes and no operation is logged. A single
     * request answers {@code unchanged}, a bulk item {@code skipped} with the {@code reason} (R12), and a
     * preview counts nothing (R13).
     */
    record Unchanged(String reason) implements Decision {
        @Override
        public <T> T fold(Function<OperationKind, T> act, Function<String, T> unchanged, Function<Blocker, T> refuse) {
            return unchanged.apply(reason);
        }
    }

    /** A rule refuses the action on this record; nothing changes. */
    record Refuse(Blocker blocker) implements Decision {
        @Override
        public <T> T fold(Function<OperationKind, T> act, Function<String, T> unchanged, Function<Blocker, T> refuse) {
            return refuse.apply(blocker);
        }
    }
}
