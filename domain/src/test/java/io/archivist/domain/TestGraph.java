package io.archivist.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A map-backed {@link RecordGraph} whose records have names, so that a test reads like a picture
 * of its graph: {@code graph.active("ann", "person", "acme")} is an active person named ann under
 * the company acme. It applies planned operations as a store would (every archived record carries
 * the operation's id and time), so that scenarios can archive, restore and purge in sequence, and
 * it checks the invariants I1 and I3 of R8 after each step.
 */
final class TestGraph implements RecordGraph {

    static final WorkspaceId WORKSPACE = WorkspaceId.of("acme-corp");
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final Catalog catalog;
    private final Map<String, RecordId> ids = new HashMap<>();
    private final Map<RecordId, String> names = new HashMap<>();
    private final Map<RecordId, StoredRecord> records = new LinkedHashMap<>();
    private final Map<RecordId, List<RecordId>> children = new HashMap<>();
    private long nextId = 1;
    private int operations = 0;
    private int ticks = 0;

    TestGraph(Catalog catalog) {
        this.catalog = catalog;
    }

    static TestGraph crm() {
        return new TestGraph(TestCatalog.crm());
    }

    CascadePlanner planner() {
        return new CascadePlanner(this);
    }

    Catalog catalog() {
        return catalog;
    }

    // ---- building the picture ----

    TestGraph active(String name, String type, String... parents) {
        return active(name, type, Map.of(), parents);
    }

    TestGraph active(String name, String type, Map<String, Object> attributes, String... parents) {
        if (ids.containsKey(name)) {
            throw new IllegalArgumentException("the test graph already has a record named " + name);
        }
        RecordId id = RecordId.of(new UUID(0, nextId++));
        List<RecordId> parentIds = Arrays.stream(parents).map(this::id).toList();
        StoredRecord record =
                StoredRecord.create(id, WORKSPACE, type, Optional.of(name), attributes, parentIds, "tester", T0);
        ids.put(name, id);
        names.put(id, name);
        records.put(id, record);
        parentIds.forEach(parent ->
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(id));
        return this;
    }

    // ---- reading it ----

    RecordId id(String name) {
        RecordId id = ids.get(name);
        if (id == null) {
            throw new IllegalArgumentException("the test graph has no record named " + name);
        }
        return id;
    }

    List<RecordId> ids(String... names) {
        return Arrays.stream(names).map(this::id).toList();
    }

    StoredRecord record(String name) {
        StoredRecord record = records.get(id(name));
        if (record == null) {
            throw new IllegalStateException(name + " has been purged");
        }
        return record;
    }

    boolean exists(String name) {
        return records.containsKey(id(name));
    }

    String name(RecordId id) {
        return names.get(id);
    }

    /** The names of {@code ids}, as a set (for equality whatever the order). */
    Set<String> names(Collection<RecordId> ids) {
        Set<String> result = new LinkedHashSet<>();
        ids.forEach(id -> result.add(name(id)));
        return result;
    }

    /** The names of {@code ids} in their order. */
    List<String> namesInOrder(Collection<RecordId> ids) {
        return ids.stream().map(this::name).toList();
    }

    /** The names of every record that is still stored and archived. */
    Set<String> archivedNames() {
        Set<String> result = new LinkedHashSet<>();
        records.values().stream().filter(StoredRecord::archived).forEach(r -> result.add(name(r.id())));
        return result;
    }

    int size() {
        return records.size();
    }

    // ---- RecordGraph ----

    @Override
    public Optional<StoredRecord> find(RecordId id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public Collection<StoredRecord> dependentsOf(RecordId parent) {
        List<StoredRecord> result = new ArrayList<>();
        for (RecordId child : children.getOrDefault(parent, List.of())) {
            StoredRecord record = records.get(child);
            if (record != null) {
                result.add(record);
            }
        }
        return result;
    }

    /** A scan: fine for the few records of a unique-value test (the large graphs have no unique attributes). */
    @Override
    public Optional<RecordId> activeHolder(String type, String attribute, String canonicalValue) {
        return records.values().stream()
                .filter(r -> !r.archived() && r.type().equals(type))
                .filter(r -> r.attributes().get(attribute) != null
                        && UniqueValues.canonical(attribute, r.attributes().get(attribute))
                                .equals(canonicalValue))
                .map(StoredRecord::id)
                .findFirst();
    }

    // ---- applying operations as a store would ----

    /** Plans the archive of the named roots (one operation, a bulk one if several) and applies it. */
    CascadeSet archive(String... roots) {
        CascadeSet set = planner().archive(ids(roots));
        applyArchive(set, nextOperation(), nextTime());
        return set;
    }

    /** Plans the restore of the named root and applies it, unless a unique conflict refuses it. */
    RestorePlan restore(String root) {
        RestorePlan plan = planner().restore(id(root), catalog);
        if (plan.conflicts().isEmpty()) {
            Instant at = nextTime();
            plan.restored().ids().forEach(id -> records.put(id, records.get(id).restoredBy("tester", at)));
            assertInvariants();
        }
        return plan;
    }

    /** Plans the purge of the named roots and applies it. */
    CascadeSet purge(String... roots) {
        CascadeSet set = planner().purge(ids(roots));
        set.ids().forEach(records::remove);
        assertInvariants();
        return set;
    }

    void applyArchive(CascadeSet set, OperationId operation, Instant at) {
        set.ids().forEach(id -> records.put(id, records.get(id).archivedBy(operation, "tester", at)));
        assertInvariants();
    }

    OperationId operationOf(String name) {
        return record(name).archiveOperation().orElseThrow(() -> new AssertionError(name + " is not archived"));
    }

    private OperationId nextOperation() {
        return OperationId.of(new UUID(1, ++operations));
    }

    private Instant nextTime() {
        return T0.plus(Duration.ofMinutes(++ticks));
    }

    /** R8 I1 (no active record under an archived or missing parent) and I3 (no reference to a purged record). */
    void assertInvariants() {
        for (StoredRecord record : records.values()) {
            for (RecordId parent : record.parents()) {
                StoredRecord stored = records.get(parent);
                assertTrue(stored != null, () -> "I3: " + name(record.id()) + " references purged " + name(parent));
                if (!record.archived()) {
                    assertFalse(
                            stored.archived(),
                            () -> "I1: active " + name(record.id()) + " is under archived " + name(parent));
                }
            }
        }
    }
}
