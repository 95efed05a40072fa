package io.archivist.domain;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The object types of one workspace and the invariants that keep cascades sound (SPEC §1):
 * parents are defined first, the type graph is acyclic, and every dependent of an
 * archivable type is archivable, so that an archive cascade can always be restored.
 */
public final class Catalog {

    private final Map<String, ObjectType> types;

    private Catalog(Map<String, ObjectType> types) {
        this.types = types;
    }

    /** A catalog with only the built-in {@code user} type, as every new workspace has. */
    public static Catalog withBuiltIns() {
        Map<String, ObjectType> types = new LinkedHashMap<>();
        types.put(ObjectType.USER, ObjectType.user());
        return new Catalog(types);
    }

    /**
     * A catalog as stored: the built-ins, then each stored type once its parents are in
     * (stores need not keep the order of definition).
     */
    public static Catalog of(Collection<ObjectType> stored) {
        Catalog catalog = withBuiltIns();
        List<ObjectType> pending = new java.util.ArrayList<>(stored);
        while (!pending.isEmpty()) {
            Catalog before = catalog;
            for (var it = pending.iterator(); it.hasNext(); ) {
                ObjectType type = it.next();
                if (type.parents().stream().allMatch(p -> p.equals(type.name()) || before.types.containsKey(p))) {
                    catalog = catalog.define(type);
                    it.remove();
                }
            }
            if (catalog == before) {
                throw invalid("stored types " + pending.stream().map(ObjectType::name).toList()
                        + " name parent types that are not defined");
            }
        }
        return catalog;
    }

    public Optional<ObjectType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public ObjectType require(String name) {
        ObjectType type = types.get(name);
        if (type == null) {
            throw new ArchivistException(ErrorCode.TYPE_NOT_FOUND, "object type '" + Limits.quote(name) + "' is not defined");
        }
        return type;
    }

    public Collection<ObjectType> types() {
        return List.copyOf(types.values());
    }

    /** The types whose records may depend directly on records of {@code name}. */
    public List<ObjectType> dependentTypesOf(String name) {
        return types.values().stream().filter(t -> t.parents().contains(name)).toList();
    }

    /** Defines a new type or changes an existing one; returns the new catalog or refuses with a 422. */
    public Catalog define(ObjectType type) {
        if (type.name().equals(ObjectType.USER)) {
            requireUserStaysBuiltIn(type);
        }
        for (String parent : type.parents()) {
            ObjectType parentType = parent.equals(type.name()) ? type : types.get(parent);
            if (parentType == null) {
                throw invalid("type '" + type.name() + "' names parent type '" + parent + "', which is not defined");
            }
            if (parentType.archivable() && !type.archivable()) {
                throw invalid("type '" + type.name() + "' depends on archivable type '" + parent
                        + "', so it must be archivable too: otherwise an archive could not be restored");
            }
        }
        if (type.archivable()) {
            for (ObjectType dependent : dependentTypesOf(type.name())) {
                if (!dependent.archivable() && !dependent.name().equals(type.name())) {
                    throw invalid("type '" + type.name() + "' cannot be archivable while its dependent type '"
                            + dependent.name() + "' is not");
                }
            }
        }
        Map<String, ObjectType> next = new LinkedHashMap<>(types);
        next.put(type.name(), type);
        requireAcyclic(next, type.name());
        return new Catalog(next);
    }

    private static void requireUserStaysBuiltIn(ObjectType type) {
        if (!type.archivable() || !type.parents().isEmpty() || !type.unique().contains(ObjectType.USERNAME)) {
            throw invalid("the built-in type 'user' must stay archivable, without parents, with 'username' unique");
        }
    }

    /** Walks up from the changed type; meeting it again means the change closed a cycle. */
    private static void requireAcyclic(Map<String, ObjectType> types, String changed) {
        Deque<String> pending = new ArrayDeque<>(types.get(changed).parents());
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String current = pending.pop();
            if (current.equals(changed)) {
                throw invalid("type '" + changed + "' would depend on itself through its parent types");
            }
            if (seen.add(current)) {
                ObjectType type = types.get(current);
                if (type != null) {
                    pending.addAll(type.parents());
                }
            }
        }
    }

    private static ArchivistException invalid(String message) {
        return new ArchivistException(ErrorCode.INVALID_OBJECT_TYPE, message);
    }
}
