package io.archivist.application.port.in;

import io.archivist.domain.Operation;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * R11: what one run of the retention job did (its operations) and what it had to leave for the next run or an
 * operator (each a {@link Left}).
 */
public record RetentionRun(List<Operation> operations, List<Left> left) {

    public RetentionRun {
        operations = List.copyOf(operations);
        left = List.copyOf(left);
    }

    /**
     * Due records a run left: a {@code root} whose purge alone reaches more records than
     * archivist.lifecycle.max-cascade-records allows (R14: it waits until the limit is raised), or, with no
     * root, a type whose run failed ({@code cause}; the next run tries again).
     */
    public record Left(WorkspaceId workspace, String type, Optional<RecordId> root, Optional<RuntimeException> cause) {

        public static Left overTheCascadeLimit(WorkspaceId workspace, String type, RecordId root) {
            return new Left(workspace, type, Optional.of(root), Optional.empty());
        }

        public static Left failed(WorkspaceId workspace, String type, RuntimeException cause) {
            return new Left(workspace, type, Optional.empty(), Optional.of(cause));
        }
    }
}
