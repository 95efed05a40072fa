package io.archivist.application.contract;

import io.archivist.domain.ObjectType;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueValues;
import io.archivist.domain.WorkspaceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * R8's invariants (docs/lifecycle.md#invariants), read through the port in one consistent read of a workspace:
 * I1 no active record has an archived or missing parent; I2 every archived record carries exactly
 * one operation, an archive in the log; I3 no record references a purged record; I4 created =
 * active + archived + purged per type (with the {@link Ledger}); and R6, no two active records of
 * a type share a unique value.
 */
public final class Invariants {

    private Invariants() {}

    /** I1-I3 and R6; I4 too when {@code ledger} is given and complete (no write is under way). */
    public static List<String> violations(StorePorts ports, WorkspaceId workspace, Optional<Ledger> ledger) {
        return ports.unitOfWork().read(workspace, () -> {
            WorkspaceSnapshot snapshot = WorkspaceSnapshot.read(ports, workspace);
            List<String> found = new ArrayList<>();
            Map<String, RecordId> uniqueHeld = new HashMap<>();
            // Archived records share their operations: each is read from the log once.
            Map<OperationId, Optional<Operation>> operations = new HashMap<>();
            for (StoredRecord record : snapshot.records().values()) {
                for (RecordId parentId : record.parents()) {
                    Optional<StoredRecord> parent = snapshot.find(parentId);
                    if (parent.isEmpty()) {
                        found.add("I3: " + describe(record) + " references " + parentId + ", which does not exist");
                    } else if (!record.archived() && parent.get().archived()) {
                        found.add("I1: active " + describe(record) + " has archived parent " + parentId);
                    }
                }
                if (record.archived()) {
                    OperationId operationId = record.archiveOperation().orElseThrow();
                    Optional<Operation> operation = operations.computeIfAbsent(
                            operationId, id -> ports.operations().find(workspace, id));
                    if (operation.isEmpty() || operation.get().kind() != OperationKind.ARCHIVE) {
                        found.add("I2: archived " + describe(record) + " carries " + operationId
                                + ", which is not an archive in the log: " + operation);
                    }
                } else {
                    ObjectType type = snapshot.catalog().require(record.type());
                    UniqueValues.of(type, record.attributes()).forEach((attribute, value) -> {
                        RecordId other =
                                uniqueHeld.putIfAbsent(type.name() + "/" + attribute + "/" + value, record.id());
                        if (other != null) {
                            found.add("R6: active " + describe(record) + " and " + other + " share " + attribute + " "
                                    + value);
                        }
                    });
                }
            }
            ledger.ifPresent(l -> found.addAll(countViolations(ports, workspace, snapshot, l)));
            return found;
        });
    }

    private static List<String> countViolations(
            StorePorts ports, WorkspaceId workspace, WorkspaceSnapshot snapshot, Ledger ledger) {
        Map<String, Long> stored = new TreeMap<>();
        snapshot.records().values().forEach(record -> stored.merge(record.type(), 1L, Long::sum));
        Map<String, Long> purged = new TreeMap<>();
        List<String> found = new ArrayList<>();
        for (OperationId id : ledger.operations()) {
            Optional<Operation> operation = ports.operations().find(workspace, id);
            if (operation.isEmpty()) {
                found.add("operation " + id + " that the kit ran is not in the log");
            } else if (operation.get().kind() == OperationKind.PURGE) {
                operation.get().countsPerType().asMap().forEach((type, n) -> purged.merge(type, n, Long::sum));
            }
        }
        Map<String, Long> created = ledger.createdPerType();
        TreeSet<String> types = new TreeSet<>(created.keySet());
        types.addAll(stored.keySet());
        types.addAll(purged.keySet());
        for (String type : types) {
            long made = created.getOrDefault(type, 0L);
            long accounted = stored.getOrDefault(type, 0L) + purged.getOrDefault(type, 0L);
            if (made != accounted) {
                found.add("I4: " + made + " " + type + " created, but " + stored.getOrDefault(type, 0L)
                        + " active or archived + " + purged.getOrDefault(type, 0L) + " purged");
            }
        }
        return found;
    }

    private static String describe(StoredRecord record) {
        return record.type() + " " + record.id();
    }
}
