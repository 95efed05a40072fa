package io.archivist.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A catalog being changed: types defined one after another, each checked against the types before
 * it exactly as {@link Catalog#define} would, and refused (with a 422, the draft unchanged) when it
 * breaks an invariant. A definition costs in proportion to the type's parents and dependents; only
 * a change that adds a parent to an existing type walks that parent's ancestors, to find a cycle (a
 * new type cannot close one: nothing depends on it yet). So a seed of n types is checked in O(n + e)
 * instead of one O(n) catalog per type. Not thread-safe.
 */
public final class CatalogDraft {

    private final Map<String, ObjectType> types;
    private final Map<String, Set<String>> dependents = new HashMap<>();

    CatalogDraft(Map<String, ObjectType> from) {
        this.types = new LinkedHashMap<>(from);
        for (ObjectType type : types.values()) {
            link(type);
        }
    }

    public boolean contains(String name) {
        return types.containsKey(name);
    }

    /** As {@link Catalog#definedCount()}. */
    public int definedCount() {
        return types.size() - 1;
    }

    /** Defines a new type or changes an existing one, or refuses with a 422 and changes nothing. */
    public CatalogDraft define(ObjectType type) {
        String name = type.name();
        if (name.equals(ObjectType.USER)) {
            requireUserStaysBuiltIn(type);
        }
        ObjectType before = types.get(name);
        for (String parent : type.parents()) {
            if (parent.equals(name)) {
                throw cycle(name);
            }
            ObjectType parentType = types.get(parent);
            if (parentType == null) {
                throw Catalog.invalid("type '" + name + "' names parent type '" + parent + "', which is not defined");
            }
            if (parentType.archivable() && !type.archivable()) {
                throw Catalog.invalid("type '" + name + "' depends on archivable type '" + parent
                        + "', so it must be archivable too: otherwise an archive could not be restored");
            }
        }
        if (type.archivable()) {
            for (String dependent : dependents.getOrDefault(name, Set.of())) {
                if (!types.get(dependent).archivable()) {
                    throw Catalog.invalid("type '" + name + "' cannot be archivable while its dependent type '"
                            + dependent + "' is not");
                }
            }
        }
        if (before != null) {
            requireNoCycleThroughAddedParents(before, type);
            unlink(before);
        }
        types.put(name, type);
        link(type);
        return this;
    }

    /** The catalog as drafted so far (O(n)); the draft goes on independently of it. */
    public Catalog build() {
        return new Catalog(new LinkedHashMap<>(types));
    }

    private void link(ObjectType type) {
        for (String parent : type.parents()) {
            dependents.computeIfAbsent(parent, p -> new LinkedHashSet<>()).add(type.name());
        }
    }

    private void unlink(ObjectType type) {
        for (String parent : type.parents()) {
            dependents.get(parent).remove(type.name());
        }
    }

    /** A parent added to an existing type closes a cycle when the type is among that parent's ancestors. */
    private void requireNoCycleThroughAddedParents(ObjectType before, ObjectType after) {
        Deque<String> pending = new ArrayDeque<>();
        for (String parent : after.parents()) {
            if (!before.parents().contains(parent)) {
                pending.add(parent);
            }
        }
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String current = pending.pop();
            if (current.equals(after.name())) {
                throw cycle(after.name());
            }
            if (seen.add(current)) {
                pending.addAll(types.get(current).parents());
            }
        }
    }

    private static void requireUserStaysBuiltIn(ObjectType type) {
        if (!type.archivable() || !type.parents().isEmpty() || !type.unique().contains(ObjectType.USERNAME)) {
            throw Catalog.invalid(
                    "the built-in type 'user' must stay archivable, without parents, with 'username' unique");
        }
    }

    private static ArchivistException cycle(String name) {
        return Catalog.invalid("type '" + name + "' would depend on itself through its parent types");
    }
}
