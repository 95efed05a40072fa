package io.archivist.application.service.seed;

import io.archivist.application.port.in.RecordView;
import io.archivist.application.port.in.seed.SeedError.Code;
import io.archivist.application.port.out.IdGenerator;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.seed.MalformedSeedException;
import io.archivist.application.port.out.seed.SeedItem;
import io.archivist.application.port.out.seed.SeedItem.RecordEntry;
import io.archivist.application.port.out.seed.SeedItem.TypeEntry;
import io.archivist.application.port.out.seed.SeedItem.WorkspaceEntry;
import io.archivist.application.port.out.seed.SeedPosition;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Catalog;
import io.archivist.domain.Limits;
import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The first pass of an import (docs/lifecycle.md#seeds): reads every item once, checks it against the seed so far
 * and the workspace, and keeps only compact facts in the {@link SeedPlan}. Records reach the
 * workspace only if this pass finds no error. The checks that need the whole seed (parents listed
 * later, cycles, missing parents) are {@link SeedGraph}'s, at the end.
 */
final class SeedValidator {

    /**
     * docs/api.md: fields the service sets; a seed that gives them is refused, never silently applied. They are
     * the service's fields of a record but {@code deleted_at}, which imports a record archived; and a record's
     * workspace is the seed's, and its archived state (by any spelling) follows from {@code deleted_at}.
     */
    private static final Set<String> READ_ONLY = Stream.concat(
                    RecordView.SERVICE_FIELDS.stream().filter(field -> !field.equals("deleted_at")),
                    Stream.of("workspace", "archived", "is_archived", "in_trash"))
            .collect(Collectors.toUnmodifiableSet());

    private final RecordReads records;
    private final IdGenerator ids;
    private final WorkspaceId workspace;
    private final Instant now;
    private final SeedPlan plan;
    private final SeedIndex index;
    private final SeedErrors errors;
    private final Catalog stored;
    private final SeedGraph graph;
    private final SeedUniqueness uniqueness;
    private final SeedTypes types;
    private final Map<String, Boolean> typeHasRecords = new HashMap<>();
    private final Map<String, Optional<StoredRecord>> storeByKey = new HashMap<>();
    private final Map<java.util.UUID, Integer> storeParentRefs = new HashMap<>();
    private int items;

    SeedValidator(RecordReads records, IdGenerator ids, SeedPlan plan, Instant now) {
        this.records = records;
        this.ids = ids;
        this.workspace = plan.caller.workspace();
        this.now = now;
        this.plan = plan;
        this.index = plan.index;
        this.errors = plan.errors;
        this.stored = plan.stored;
        this.graph = new SeedGraph(plan);
        this.uniqueness = new SeedUniqueness(plan, records, this::typeHasRecords);
        this.types = new SeedTypes(plan);
    }

    void accept(SeedItem item) {
        items++;
        if (item instanceof WorkspaceEntry entry) {
            workspace(entry);
        } else if (item instanceof TypeEntry entry) {
            types.accept(entry);
        } else if (item instanceof RecordEntry entry) {
            record(entry);
        }
    }

    void malformed(MalformedSeedException e) {
        errors.error(Code.MALFORMED_SEED, null, e.position(), e.getMessage());
    }

    /** The checks that need the whole seed; then the plan is complete. */
    SeedPlan finish() {
        graph.resolvePending();
        return plan;
    }

    private void workspace(WorkspaceEntry entry) {
        if (items != 1) {
            errors.error(
                    Code.VALIDATION_FAILED,
                    null,
                    entry.position(),
                    "\"workspace\" must come first, before object_types and records, and only once");
        } else if (!Objects.equals(entry.name(), workspace.value())) {
            errors.error(
                    Code.WORKSPACE_MISMATCH,
                    null,
                    entry.position(),
                    "the seed is for workspace '" + entry.name() + "' but is imported into '" + workspace
                            + "'; leave \"workspace\" out or make it the token's");
        }
    }

    private void record(RecordEntry entry) {
        plan.records++;
        plan.fingerprint = plan.fingerprint * 1_000_003 + fingerprint(entry);
        SeedPosition at = entry.position();
        String key = entry.key();
        entry.problems().forEach(problem -> errors.error(Code.VALIDATION_FAILED, key, at, problem));
        for (String field : entry.otherFields()) {
            if (READ_ONLY.contains(field)) {
                errors.error(Code.READ_ONLY_FIELD, key, at, "'" + field + "' is read-only: the service sets it");
            } else {
                errors.error(
                        Code.UNKNOWN_FIELD,
                        key,
                        at,
                        "a record has no field '" + field + "' (key, type, attributes, parents, deleted_at)");
            }
        }
        if (key == null) {
            errors.error(Code.VALIDATION_FAILED, null, at, "a record needs a key");
            return;
        }
        try {
            Limits.requireKey(key);
        } catch (ArchivistException invalid) {
            errors.error(Code.VALIDATION_FAILED, Limits.quote(key), at, invalid.getMessage());
            return;
        }
        try {
            Limits.attributes(entry.attributes() == null ? Map.of() : entry.attributes());
        } catch (ArchivistException invalid) {
            errors.error(Code.VALIDATION_FAILED, key, at, invalid.getMessage());
        }
        int earlier = index.find(key);
        if (earlier >= 0) {
            errors.error(
                    Code.DUPLICATE_KEY,
                    key,
                    at,
                    "key '" + key + "' is used already at line " + index.line(earlier)
                            + "; a key names one record of the seed");
            return;
        }
        ObjectType type = null;
        if (entry.type() == null) {
            errors.error(Code.VALIDATION_FAILED, key, at, "a record needs a type");
        } else {
            type = plan.catalog().find(entry.type()).orElse(null);
            if (type == null) {
                errors.error(
                        Code.TYPE_NOT_FOUND,
                        key,
                        at,
                        "object type '" + Limits.quote(entry.type())
                                + "' is not defined in the workspace or the seed's object_types");
            }
        }
        int record = index.add(key, type == null ? -1 : plan.typeIndex(type.name()), at.line());
        long deletedAt = deletedAt(entry, type, at);
        if (type == null) {
            entry.parents().forEach(parent -> index.addParent(SeedIndex.PENDING));
            index.deletedAt(record, deletedAt);
            return;
        }
        resolveParents(record, entry, type, at);
        Optional<StoredRecord> existing =
                typeHasRecords(type.name()) ? records.findByKey(workspace, type.name(), key) : Optional.empty();
        if (existing.isPresent()) {
            SeedExisting.compare(plan, record, entry, existing.get(), deletedAt, at);
        } else {
            index.id(record, ids.next());
            index.deletedAt(record, deletedAt);
            if (deletedAt == SeedIndex.ACTIVE) {
                requireParentsActive(record, at);
            } else {
                assignOperation(record, type.name());
            }
        }
        plan.countRecord(type.name(), index.state(record));
        if (index.deletedAt(record) == SeedIndex.ACTIVE) {
            uniqueness.check(record, type, entry, at, existing.map(StoredRecord::id));
        }
    }

    /** Each parent key: a record listed earlier in the seed, else one of the workspace, else pending (SeedGraph). */
    private void resolveParents(int record, RecordEntry entry, ObjectType type, SeedPosition at) {
        String key = entry.key();
        Set<String> named = new HashSet<>();
        for (String parent : entry.parents()) {
            int ref = SeedIndex.PENDING;
            if (!named.add(parent)) {
                errors.error(Code.VALIDATION_FAILED, key, at, "parent '" + parent + "' is named twice");
            } else if (parent.equals(key)) {
                errors.error(Code.CYCLE, key, at, "record '" + key + "' names itself as its parent");
            } else if (index.find(parent) >= 0) {
                ref = index.find(parent);
                int parentType = index.type(ref);
                if (parentType >= 0 && !type.parents().contains(plan.typeNames.get(parentType))) {
                    errors.error(
                            Code.VALIDATION_FAILED,
                            key,
                            at,
                            "a " + type.name() + " cannot depend on '" + parent + "', a "
                                    + plan.typeNames.get(parentType) + " (allowed parent types: " + type.parents()
                                    + ")");
                }
            } else {
                ref = storeParent(record, parent, type, at);
            }
            index.addParent(ref);
        }
    }

    private int storeParent(int record, String parent, ObjectType type, SeedPosition at) {
        java.util.List<StoredRecord> found = type.parents().stream()
                .filter(this::typeHasRecords)
                .map(parentType -> storeByKey.computeIfAbsent(
                        parentType + '\u0000' + parent, unused -> records.findByKey(workspace, parentType, parent)))
                .flatMap(Optional::stream)
                .toList();
        if (found.isEmpty()) {
            graph.pending(record, parent, at);
            return SeedIndex.PENDING;
        }
        if (found.size() > 1) {
            errors.error(
                    Code.VALIDATION_FAILED,
                    index.key(record),
                    at,
                    "parent key '" + parent + "' names records of several types in the workspace: "
                            + found.stream().map(StoredRecord::type).toList());
            return SeedIndex.PENDING;
        }
        StoredRecord holder = found.get(0);
        return storeParentRefs.computeIfAbsent(holder.id().value(), id -> {
            long deletedAt = holder.deletedAt().map(Instant::toEpochMilli).orElse(SeedIndex.ACTIVE);
            int op = holder.archiveOperation().map(plan.operations::existing).orElse(SeedIndex.NO_OP);
            plan.storeParents.add(new SeedPlan.StoreParent(id, deletedAt, op));
            return -2 - (plan.storeParents.size() - 1);
        });
    }

    /** I1: an active record has no archived parent. */
    private void requireParentsActive(int record, SeedPosition at) {
        for (int n = 0; n < index.parentCount(record); n++) {
            int ref = index.parent(record, n);
            if (ref != SeedIndex.PENDING && plan.parentDeletedAt(ref) != SeedIndex.ACTIVE) {
                errors.error(
                        Code.PARENT_ARCHIVED,
                        index.key(record),
                        at,
                        "record '" + index.key(record) + "' is active but its parent " + graph.describe(ref)
                                + " is archived (I1); give it a deleted_at too");
            }
        }
    }

    /**
     * docs/lifecycle.md#seeds: a record archived at the same time as its nearest archived ancestor was archived with it
     * (same operation, so that restoring the ancestor restores it); otherwise it is the root of its own.
     * Every parent of an active parent is active (I1), so the nearest archived ancestors are parents.
     */
    private void assignOperation(int record, String type) {
        int op = SeedIndex.NO_OP;
        for (int n = 0; n < index.parentCount(record) && op == SeedIndex.NO_OP; n++) {
            int ref = index.parent(record, n);
            if (ref != SeedIndex.PENDING && plan.parentDeletedAt(ref) == index.deletedAt(record)) {
                op = plan.parentOp(ref);
            }
        }
        if (op == SeedIndex.NO_OP) {
            op = plan.operations.create(ids.next(), record, index.deletedAt(record));
        }
        index.op(record, op);
        plan.operations.count(op, type);
    }

    /** Epoch millis of a valid {@code deleted_at}, else ACTIVE (and an error when one was given). */
    private long deletedAt(RecordEntry entry, ObjectType type, SeedPosition at) {
        if (entry.deletedAt().isEmpty()) {
            return SeedIndex.ACTIVE;
        }
        String text = entry.deletedAt().get();
        Instant deletedAt;
        try {
            deletedAt = OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            errors.error(
                    Code.BAD_DELETED_AT,
                    entry.key(),
                    at,
                    "deleted_at '" + Limits.quote(text)
                            + "' is not an ISO-8601 time with an offset, such as 2024-05-01T09:30:00Z");
            return SeedIndex.ACTIVE;
        }
        try {
            Limits.requireStorableTime(deletedAt, "deleted_at");
        } catch (ArchivistException outOfRange) {
            errors.error(Code.BAD_DELETED_AT, entry.key(), at, outOfRange.getMessage());
            return SeedIndex.ACTIVE;
        }
        if (deletedAt.isAfter(now)) {
            errors.error(
                    Code.BAD_DELETED_AT, entry.key(), at, "deleted_at " + Limits.quote(text) + " is in the future");
            return SeedIndex.ACTIVE;
        }
        if (type != null && !type.archivable()) {
            errors.error(
                    Code.ARCHIVE_NOT_SUPPORTED,
                    entry.key(),
                    at,
                    "records of type '" + type.name() + "' cannot be archived, so they cannot have a deleted_at");
            return SeedIndex.ACTIVE;
        }
        return deletedAt.toEpochMilli();
    }

    /** Whether the workspace has any record of {@code type}; when not, no key or unique value of it needs a look-up. */
    private boolean typeHasRecords(String type) {
        if (stored.find(type).isEmpty()) {
            return false;
        }
        return typeHasRecords.computeIfAbsent(
                type,
                name -> !records.page(
                                workspace,
                                RecordFilter.ofType(name, RecordFilter.ArchivedFilter.ANY),
                                Optional.empty(),
                                1)
                        .isEmpty());
    }

    /** What the second pass recomputes to make sure it reads the seed the first one validated. */
    static long fingerprint(RecordEntry entry) {
        return Objects.hash(entry.key(), entry.type(), entry.attributes(), entry.parents(), entry.deletedAt());
    }
}
