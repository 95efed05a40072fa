package io.archivist.adapters.persistence.mongo;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.archivist.application.port.out.RecordReads;
import io.archivist.domain.ObjectType;
import io.archivist.domain.PagePosition;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordGraph;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueValues;
import io.archivist.domain.WorkspaceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A whole workspace read back from the store, as the planner's graph, and the invariants of R8 over it. */
final class Graphs {

    private Graphs() {}

    static Map<RecordId, StoredRecord> snapshot(RecordReads store, WorkspaceId workspace) {
        Map<RecordId, StoredRecord> all = new LinkedHashMap<>();
        Optional<RecordId> after = Optional.empty();
        while (true) {
            List<StoredRecord> page = store.page(workspace, RecordFilter.all(), after.map(PagePosition::of), 500);
            page.forEach(record -> all.put(record.id(), record));
            if (page.size() < 500) {
                return all;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
    }

    static RecordGraph graph(Map<RecordId, StoredRecord> records, Map<String, ObjectType> types) {
        return new RecordGraph() {
            @Override
            public Optional<StoredRecord> find(RecordId id) {
                return Optional.ofNullable(records.get(id));
            }

            @Override
            public Collection<StoredRecord> dependentsOf(RecordId parent) {
                List<StoredRecord> dependents = new ArrayList<>();
                records.values().stream()
                        .filter(r -> r.parents().contains(parent))
                        .forEach(dependents::add);
                return dependents;
            }

            @Override
            public Optional<RecordId> activeHolder(String type, String attribute, String canonicalValue) {
                return records.values().stream()
                        .filter(r -> !r.archived() && r.type().equals(type))
                        .filter(r -> canonicalValue.equals(
                                UniqueValues.of(types.get(type), r.attributes()).get(attribute)))
                        .map(StoredRecord::id)
                        .findFirst();
            }
        };
    }

    /** I1: no active record has an archived or missing parent; I2: archived records carry one operation; I3. */
    static void assertInvariants(Map<RecordId, StoredRecord> records) {
        for (StoredRecord record : records.values()) {
            for (RecordId parent : record.parents()) {
                StoredRecord found = records.get(parent);
                if (found == null) {
                    fail("I3: " + record.id() + " references missing parent " + parent);
                }
                if (!record.archived() && found.archived()) {
                    fail("I1: active " + record.id() + " has archived parent " + parent);
                }
            }
            assertTrue(record.archived() == record.archiveOperation().isPresent(), "I2: " + record.id());
        }
    }
}
