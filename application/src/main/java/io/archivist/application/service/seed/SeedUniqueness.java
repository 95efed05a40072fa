package io.archivist.application.service.seed;

import io.archivist.application.port.in.seed.SeedError.Code;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.seed.SeedItem.RecordEntry;
import io.archivist.application.port.out.seed.SeedPosition;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordId;
import io.archivist.domain.UniqueValues;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * R6 for a seed: the records that are active once imported share no unique value, neither with
 * each other nor with the active records of the workspace. Keeps one entry per unique value of the
 * seed; asks the store only for records it would write, and only for types the workspace has records of.
 */
final class SeedUniqueness {

    private final SeedPlan plan;
    private final RecordReads records;
    private final Predicate<String> typeHasRecords;
    private final Map<String, Integer> holders = new HashMap<>();

    SeedUniqueness(SeedPlan plan, RecordReads records, Predicate<String> typeHasRecords) {
        this.plan = plan;
        this.records = records;
        this.typeHasRecords = typeHasRecords;
    }

    void check(int record, ObjectType type, RecordEntry entry, SeedPosition at, Optional<RecordId> existing) {
        String key = entry.key();
        Map<String, String> values;
        try {
            values = UniqueValues.of(type, entry.attributes());
        } catch (ArchivistException e) {
            plan.errors.error(Code.VALIDATION_FAILED, key, at, e.getMessage());
            return;
        }
        boolean written = plan.index.state(record) != SeedIndex.State.UNCHANGED;
        values.forEach((attribute, value) -> {
            Integer other =
                    holders.putIfAbsent(plan.index.type(record) + "\u0000" + attribute + "\u0000" + value, record);
            if (other != null) {
                plan.errors.error(
                        Code.UNIQUE_CONFLICT,
                        key,
                        at,
                        "the value of '" + attribute + "' is already held by '"
                                + plan.index.key(other) + "' (line " + plan.index.line(other)
                                + "); it is unique among active " + type.name() + " records");
            } else if (written && typeHasRecords.test(type.name())) {
                records.activeHolder(plan.caller.workspace(), type.name(), attribute, value)
                        .filter(holder ->
                                existing.map(self -> !self.equals(holder)).orElse(true))
                        .ifPresent(holder -> plan.errors.error(
                                Code.UNIQUE_CONFLICT,
                                key,
                                at,
                                "the value of '" + attribute + "' is already held by active record " + holder
                                        + " of the workspace"));
            }
        });
    }
}
