package io.archivist.application.service.seed;

import io.archivist.application.port.in.seed.SeedError.Code;
import io.archivist.application.port.in.seed.SeedReport.Counts;
import io.archivist.application.port.out.seed.SeedItem.TypeEntry;
import io.archivist.application.port.out.seed.SeedPosition;
import io.archivist.application.service.CatalogService;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Retention;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The object types of a seed (docs/lifecycle.md#concepts): each checked on one draft of the catalog as {@code PUT
 * /object-types} would, so that a broken invariant is an error at its entry, at a cost that grows
 * with the seed's types and not with the catalog; those new or changed are saved together, before
 * any record is written. They come before the records, which are checked against them. One type
 * past R14's bound stops the import at once, before any other work.
 */
final class SeedTypes {

    private final SeedPlan plan;
    private final Set<String> seen = new HashSet<>();

    SeedTypes(SeedPlan plan) {
        this.plan = plan;
    }

    void accept(TypeEntry entry) {
        SeedPosition at = entry.position();
        SeedErrors errors = plan.errors;
        entry.problems().forEach(problem -> errors.error(Code.VALIDATION_FAILED, entry.name(), at, problem));
        entry.otherFields()
                .forEach(field -> errors.error(
                        Code.UNKNOWN_FIELD,
                        entry.name(),
                        at,
                        "an object type has no field '" + field
                                + "' (name, archivable, parents, unique, retention, title_attribute)"));
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
            ObjectType type = new ObjectType(
                    entry.name(),
                    entry.archivable().orElse(false),
                    entry.parents(),
                    entry.unique(),
                    entry.retention().map(Retention::new),
                    entry.titleAttribute());
            CatalogService.requireRoom(
                    plan.caller.workspace(),
                    plan.draft().definedCount(),
                    plan.draft().contains(type.name()),
                    plan.maxTypes,
                    "type '" + type.name() + "' (" + at + " of the seed)");
            plan.define(type);
            Optional<ObjectType> before = plan.stored.find(type.name());
            if (before.isPresent() && before.get().equals(type)) {
                plan.countType(new Counts(0, 0, 1));
            } else {
                plan.countType(before.isEmpty() ? new Counts(1, 0, 0) : new Counts(0, 1, 0));
                plan.typesToSave.add(type);
            }
        } catch (ArchivistException e) {
            if (e.code() == ErrorCode.LIMIT_EXCEEDED) {
                throw e;
            }
            errors.error(Code.INVALID_OBJECT_TYPE, entry.name(), at, e.getMessage());
        }
    }
}
