package io.archivist.application.service;

import io.archivist.application.port.in.SeedError.Code;
import io.archivist.application.port.in.SeedReport.Counts;
import io.archivist.application.port.out.SeedItem.TypeEntry;
import io.archivist.application.port.out.SeedPosition;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Catalog;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Retention;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The object types of a seed (SPEC §1): each defined on the catalog as {@code PUT /object-types}
 * would, so that a broken invariant is an error at its entry; those new or changed are saved
 * before any record is written. They come before the records, which are checked against them.
 */
final class SeedTypes {

    private final SeedPlan plan;
    private final Catalog stored;
    private final Set<String> seen = new HashSet<>();

    SeedTypes(SeedPlan plan) {
        this.plan = plan;
        this.stored = plan.catalog;
    }

    void accept(TypeEntry entry) {
        SeedPosition at = entry.position();
        SeedErrors errors = plan.errors;
        entry.problems().forEach(problem -> errors.error(Code.VALIDATION_FAILED, entry.name(), at, problem));
        entry.otherFields().forEach(field -> errors.error(Code.UNKNOWN_FIELD, entry.name(), at,
                "an object type has no field '" + field + "' (name, archivable, parents, unique, retention)"));
        if (plan.records > 0) {
            errors.error(Code.VALIDATION_FAILED, entry.name(), at, "object_types must come before records");
            return;
        }
        if (entry.name() == null) {
            errors.error(Code.INVALID_OBJECT_TYPE, null, at, "an object type needs a name");
            return;
        }
        if (!seen.add(entry.name())) {
            errors.error(Code.INVALID_OBJECT_TYPE, entry.name(), at, "type '" + entry.name() + "' is defined twice");
            return;
        }
        try {
            ObjectType type = new ObjectType(entry.name(), entry.archivable().orElse(false), entry.parents(),
                    entry.unique(), entry.retention().map(Retention::new));
            plan.catalog = plan.catalog.define(type);
            Optional<ObjectType> before = stored.find(type.name());
            if (before.isPresent() && before.get().equals(type)) {
                plan.countType(new Counts(0, 0, 1));
            } else {
                plan.countType(before.isEmpty() ? new Counts(1, 0, 0) : new Counts(0, 1, 0));
                plan.typesToSave.add(type);
            }
        } catch (ArchivistException e) {
            errors.error(Code.INVALID_OBJECT_TYPE, entry.name(), at, e.getMessage());
        }
    }
}
