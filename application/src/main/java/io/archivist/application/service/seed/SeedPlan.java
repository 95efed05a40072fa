package io.archivist.application.service.seed;

import io.archivist.application.port.in.seed.SeedReport;
import io.archivist.application.port.in.seed.SeedReport.Counts;
import io.archivist.domain.Caller;
import io.archivist.domain.Catalog;
import io.archivist.domain.CatalogDraft;
import io.archivist.domain.ObjectType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the first pass of an import learned and the second acts on: the catalog with the seed's
 * types, the types to save, the compact facts of each record, the parents the seed names that are
 * records of the workspace, the archive operations, and the counts for the report.
 */
final class SeedPlan {

    /** A parent that is not in the seed but in the workspace: its id, archive time and operation. */
    record StoreParent(UUID id, long deletedAt, int op) {}

    final Caller caller;
    /** The workspace's catalog before the seed, and R14's bound on its types. */
    final Catalog stored;

    final int maxTypes;
    final SeedIndex index = new SeedIndex();
    final SeedOperations operations = new SeedOperations();
    final SeedErrors errors = new SeedErrors();
    final List<ObjectType> typesToSave = new ArrayList<>();
    final List<StoreParent> storeParents = new ArrayList<>();
    final List<String> typeNames = new ArrayList<>();
    /** The stored catalog with the seed's types so far; {@code catalog} is built from it when asked. */
    private final CatalogDraft draft;

    private Catalog catalog;
    long records;
    long fingerprint;
    private Counts typeCounts = Counts.NONE;
    private final Map<String, long[]> recordCounts = new LinkedHashMap<>();

    SeedPlan(Caller caller, Catalog stored, int maxTypes) {
        this.caller = caller;
        this.stored = stored;
        this.maxTypes = maxTypes;
        this.draft = stored.draft();
        this.catalog = stored;
    }

    /** Defines a type of the seed on the catalog so far, or refuses it (the catalog unchanged). */
    void define(ObjectType type) {
        draft.define(type);
        catalog = null;
    }

    CatalogDraft draft() {
        return draft;
    }

    /** The catalog with the seed's types: built once, after the types (records come after them). */
    Catalog catalog() {
        if (catalog == null) {
            catalog = draft.build();
        }
        return catalog;
    }

    /** The short index SeedIndex keeps for a type name. */
    int typeIndex(String name) {
        int at = typeNames.indexOf(name);
        if (at < 0) {
            typeNames.add(name);
            at = typeNames.size() - 1;
        }
        return at;
    }

    ObjectType type(int record) {
        return catalog().require(typeNames.get(index.type(record)));
    }

    void countType(Counts one) {
        typeCounts = typeCounts.plus(one);
    }

    void countRecord(String type, SeedIndex.State state) {
        recordCounts.computeIfAbsent(type, unused -> new long[3])[state.ordinal()]++;
    }

    /** The parent a reference names: its id, archive time and operation, whether in the seed or the workspace. */
    UUID parentId(int ref) {
        return ref >= 0 ? index.id(ref) : storeParents.get(-2 - ref).id();
    }

    long parentDeletedAt(int ref) {
        return ref >= 0 ? index.deletedAt(ref) : storeParents.get(-2 - ref).deletedAt();
    }

    int parentOp(int ref) {
        return ref >= 0 ? index.op(ref) : storeParents.get(-2 - ref).op();
    }

    SeedReport report(boolean dryRun) {
        Map<String, Counts> perType = new LinkedHashMap<>();
        recordCounts.forEach((type, n) -> perType.put(type, new Counts(n[0], n[2], n[1])));
        return new SeedReport(
                caller.workspace(),
                dryRun,
                records,
                typeCounts,
                perType,
                operations.createdCount(),
                errors.warnings(),
                errors.warningCount());
    }
}
