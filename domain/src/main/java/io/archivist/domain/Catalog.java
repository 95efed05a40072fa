package io.archivist.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The object types of one workspace and the invariants that keep cascades sound (docs/lifecycle.md#concepts):
 * parents are defined first, the type graph is acyclic, and every dependent of an
 * archivable type is archivable, so that an archive cascade can always be restored.
 * Immutable; building one from n types and their e parent links is O(n + e) (plus a sort when
 * loaded from a store), so that a large catalog costs in proportion to its size.
 */
public final class Catalog {

    private final Map<String, ObjectType> types;
    private final Map<String, List<ObjectType>> dependents;

    /** {@code types}: parents before their dependents; the map is the catalog's own from here on. */
    Catalog(Map<String, ObjectType> types) {
        this.types = types;
        this.dependents = new HashMap<>();
        for (ObjectType type : types.values()) {
            for (String parent : type.parents()) {
                dependents.computeIfAbsent(parent, p -> new ArrayList<>()).add(type);
            }
        }
    }

    /** A catalog with only the built-in {@code user} type, as every new workspace has. */
    public static Catalog withBuiltIns() {
        Map<String, ObjectType> types = new LinkedHashMap<>();
        types.put(ObjectType.USER, ObjectType.user());
        return new Catalog(types);
    }

    /**
     * A catalog as stored: the built-ins, then the stored types, each once its parents are in
     * (stores need not keep the order of definition). The types come in by depth, shallowest
     * first, and in stored order within a depth; every invariant is checked again on the way.
     */
    public static Catalog of(Collection<ObjectType> stored) {
        CatalogDraft draft = withBuiltIns().draft();
        for (ObjectType type : byDepth(stored)) {
            draft.define(type);
        }
        return draft.build();
    }

    /** A draft to define many types on, each checked against the ones before it (see CatalogDraft). */
    public CatalogDraft draft() {
        return new CatalogDraft(types);
    }

    public Optional<ObjectType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public ObjectType require(String name) {
        ObjectType type = types.get(name);
        if (type == null) {
            throw new ArchivistException(
                    ErrorCode.TYPE_NOT_FOUND, "object type '" + Limits.quote(name) + "' is not defined");
        }
        return type;
    }

    /**
     * The record's title by its type's rule ({@link ObjectType#titleOf}); a record of a type this
     * catalog does not hold is named by its key, else its id.
     */
    public String titleOf(StoredRecord record) {
        return ObjectType.title(find(record.type()).flatMap(ObjectType::titleAttribute), record);
    }

    public Collection<ObjectType> types() {
        return List.copyOf(types.values());
    }

    /** R14: the types the workspace defined; the built-in {@code user} is not counted, even when redefined. */
    public int definedCount() {
        return types.size() - 1;
    }

    /** The types whose records may depend directly on records of {@code name}. */
    public List<ObjectType> dependentTypesOf(String name) {
        return List.copyOf(dependents.getOrDefault(name, List.of()));
    }

    /** Defines a new type or changes an existing one; returns the new catalog or refuses with a 422. */
    public Catalog define(ObjectType type) {
        return draft().define(type).build();
    }

    /**
     * The stored types ordered by depth (the longest chain of parents above them), so that each
     * comes after its parents: Kahn's walk, O(n + e). A type left unordered names a parent that is
     * not stored, or sits on a cycle.
     */
    private static List<ObjectType> byDepth(Collection<ObjectType> stored) {
        Map<String, ObjectType> byName = new LinkedHashMap<>();
        Map<String, Integer> position = new HashMap<>();
        for (ObjectType type : stored) {
            position.putIfAbsent(type.name(), position.size());
            byName.put(type.name(), type);
        }
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        for (ObjectType type : byName.values()) {
            int storedParents = 0;
            for (String parent : type.parents()) {
                if (byName.containsKey(parent)) {
                    storedParents++;
                    children.computeIfAbsent(parent, p -> new ArrayList<>()).add(type.name());
                }
            }
            waiting.put(type.name(), storedParents);
            if (storedParents == 0) {
                ready.add(type.name());
            }
        }
        Map<String, Integer> depth = new HashMap<>();
        List<ObjectType> ordered = new ArrayList<>(byName.size());
        while (!ready.isEmpty()) {
            String name = ready.poll();
            int own = depth.getOrDefault(name, 0);
            ordered.add(byName.get(name));
            for (String child : children.getOrDefault(name, List.of())) {
                depth.merge(child, own + 1, Math::max);
                if (waiting.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        if (ordered.size() < byName.size()) {
            List<String> unordered = byName.keySet().stream()
                    .filter(name -> waiting.get(name) > 0)
                    .toList();
            throw invalid(
                    "stored types " + unordered + " name parent types that are not defined, or depend on themselves");
        }
        ordered.sort(Comparator.comparingInt((ObjectType type) -> depth.getOrDefault(type.name(), 0))
                .thenComparingInt(type -> position.get(type.name())));
        return ordered;
    }

    static ArchivistException invalid(String message) {
        return new ArchivistException(ErrorCode.INVALID_OBJECT_TYPE, message);
    }
}
