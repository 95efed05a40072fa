package io.archivist.domain;

import java.util.List;

/** R5 and R6 for one restored root: what comes back, what stays archived and why, what blocks it. */
public record RestorePlan(CascadeSet restored, List<LeftArchived> leftArchived, List<UniqueConflict> conflicts) {

    public RestorePlan {
        leftArchived = List.copyOf(leftArchived);
        conflicts = List.copyOf(conflicts);
    }
}
