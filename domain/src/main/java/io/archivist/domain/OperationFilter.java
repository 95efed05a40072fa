package io.archivist.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Which operations a page of the log holds (docs/api.md, {@code GET /operations}): of one kind or all, of
 * one actor or all, and with {@code restorable} only the archive operations that still hold archived
 * records: the archive, grouped by what was archived together.
 */
public record OperationFilter(Optional<OperationKind> kind, Optional<String> actor, boolean restorable) {

    public OperationFilter {
        kind = kind == null ? Optional.empty() : kind;
        actor = actor == null ? Optional.empty() : actor;
        actor.ifPresent(sub -> Limits.requireName(sub, "actor"));
    }

    public static OperationFilter all() {
        return new OperationFilter(Optional.empty(), Optional.empty(), false);
    }

    /** The archive operations that still hold archived records. */
    public static OperationFilter restorableOnly() {
        return new OperationFilter(Optional.empty(), Optional.empty(), true);
    }

    public OperationFilter ofActor(String sub) {
        return new OperationFilter(kind, Optional.of(Objects.requireNonNull(sub, "actor")), restorable);
    }

    /**
     * Whether no operation can match: only archive operations hold archived records, so {@code restorable}
     * with another kind selects nothing, and a store need not be asked.
     */
    public boolean selectsNothing() {
        return restorable && kind.filter(k -> k != OperationKind.ARCHIVE).isPresent();
    }

    /** Whether {@code operation} matches, given how many records it still holds archived. */
    public boolean matches(Operation operation, long stillArchived) {
        return kind.map(k -> k == operation.kind()).orElse(true)
                && actor.map(a -> a.equals(operation.actor())).orElse(true)
                && (!restorable || (operation.kind() == OperationKind.ARCHIVE && stillArchived > 0));
    }
}
