package io.archivist.application.service.seed;

import io.archivist.application.port.in.seed.SeedError.Code;
import io.archivist.application.port.out.seed.SeedItem.RecordEntry;
import io.archivist.application.port.out.seed.SeedPosition;
import io.archivist.domain.StoredRecord;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** How a seed record compares with the record of the same type and key that the workspace has already. */
final class SeedExisting {

    private SeedExisting() {}

    /**
     * A record the workspace has already: its parents are fixed (docs/lifecycle.md#concepts); its attributes are updated if
     * it is active; its lifecycle state is the workspace's, which a seed never changes (only warns).
     */
    static void compare(
            SeedPlan plan, int record, RecordEntry entry, StoredRecord existing, long deletedAt, SeedPosition at) {
        String key = entry.key();
        plan.index.id(record, existing.id().value());
        Set<UUID> seedParents = new HashSet<>();
        boolean resolved = true;
        for (int n = 0; n < plan.index.parentCount(record); n++) {
            int ref = plan.index.parent(record, n);
            resolved &= ref != SeedIndex.PENDING;
            if (ref != SeedIndex.PENDING) {
                seedParents.add(plan.parentId(ref));
            }
        }
        Set<UUID> storedParents = new HashSet<>();
        existing.parents().forEach(parent -> storedParents.add(parent.value()));
        if (resolved && !seedParents.equals(storedParents)) {
            plan.errors.error(
                    Code.PARENTS_CHANGED,
                    key,
                    at,
                    "record '" + key + "' exists (" + existing.id() + ") with other parents " + existing.parents()
                            + "; parents are fixed at creation");
        }
        boolean sameAttributes = AttributeValues.same(existing.attributes(), entry.attributes());
        if (existing.archived()) {
            plan.index.deletedAt(record, existing.deletedAt().get().toEpochMilli());
            plan.index.op(
                    record, plan.operations.existing(existing.archiveOperation().get()));
            plan.index.state(record, SeedIndex.State.UNCHANGED);
            if (!sameAttributes) {
                plan.errors.warning(
                        key, at, "is archived in the workspace, so its attributes were left as they are (R9)");
            }
            if (deletedAt != plan.index.deletedAt(record)) {
                plan.errors.warning(
                        key,
                        at,
                        "is archived in the workspace since "
                                + existing.deletedAt().get()
                                + "; a seed never restores or re-archives a record that exists");
            }
        } else {
            plan.index.state(record, sameAttributes ? SeedIndex.State.UNCHANGED : SeedIndex.State.CHANGED);
            if (deletedAt != SeedIndex.ACTIVE) {
                plan.errors.warning(key, at, "is active in the workspace; a seed never archives a record that exists");
            }
        }
    }
}
