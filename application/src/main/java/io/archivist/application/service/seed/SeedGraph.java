package io.archivist.application.service.seed;

import io.archivist.application.port.in.seed.SeedError.Code;
import io.archivist.application.port.out.seed.SeedPosition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parent references a record could not resolve when it was read. Once the whole seed is read,
 * each is one of: a key the seed lists later (a cycle, if the parent depends back on the record;
 * otherwise a parent listed after its dependent, which the import refuses because it writes in one
 * streaming pass, parents first), or a key found nowhere (a missing parent).
 */
final class SeedGraph {

    private record Pending(int child, String parent, SeedPosition at) {}

    private final SeedPlan plan;
    private final SeedIndex index;
    private final List<Pending> pending = new ArrayList<>();

    SeedGraph(SeedPlan plan) {
        this.plan = plan;
        this.index = plan.index;
    }

    void pending(int child, String parent, SeedPosition at) {
        pending.add(new Pending(child, parent, at));
    }

    /** A parent reference as an error message names it. */
    String describe(int ref) {
        return ref >= 0
                ? "'" + index.key(ref) + "' (line " + index.line(ref) + ")"
                : "record " + plan.parentId(ref) + " of the workspace";
    }

    void resolvePending() {
        Map<Integer, List<Integer>> later = new HashMap<>();
        for (Pending ref : pending) {
            int target = index.find(ref.parent());
            if (target >= 0) {
                later.computeIfAbsent(ref.child(), unused -> new ArrayList<>()).add(target);
            }
        }
        for (Pending ref : pending) {
            String key = index.key(ref.child());
            int target = index.find(ref.parent());
            if (target < 0) {
                plan.errors.error(
                        Code.MISSING_PARENT,
                        key,
                        ref.at(),
                        "parent '" + ref.parent()
                                + "' is neither a record of the seed nor a record of type "
                                + plan.type(ref.child()).parents()
                                + " in the workspace");
                continue;
            }
            requireAllowedType(ref, target);
            List<Integer> cycle = pathUp(target, ref.child(), later);
            if (cycle != null) {
                plan.errors.error(
                        Code.CYCLE,
                        key,
                        ref.at(),
                        "records depend on each other in a cycle: " + key + " -> "
                                + cycle.stream().map(index::key).collect(Collectors.joining(" -> ")));
            } else {
                plan.errors.error(
                        Code.PARENT_LISTED_AFTER,
                        key,
                        ref.at(),
                        "parent '" + ref.parent()
                                + "' is listed after its dependent, at line " + index.line(target)
                                + "; list parents before the records that depend on them");
            }
        }
    }

    private void requireAllowedType(Pending ref, int target) {
        List<String> allowed = plan.type(ref.child()).parents();
        int type = index.type(target);
        if (type >= 0 && !allowed.contains(plan.typeNames.get(type))) {
            plan.errors.error(
                    Code.VALIDATION_FAILED,
                    index.key(ref.child()),
                    ref.at(),
                    "a " + plan.type(ref.child()).name()
                            + " cannot depend on '" + ref.parent() + "', a " + plan.typeNames.get(type)
                            + " (allowed parent types: " + allowed + ")");
        }
    }

    /** The chain of parents from {@code from} up to {@code to}, both included, or null when there is none. */
    private List<Integer> pathUp(int from, int to, Map<Integer, List<Integer>> later) {
        Map<Integer, Integer> reachedFrom = new HashMap<>();
        reachedFrom.put(from, -1);
        Deque<Integer> stack = new ArrayDeque<>(List.of(from));
        while (!stack.isEmpty()) {
            int current = stack.pop();
            if (current == to) {
                List<Integer> path = new ArrayList<>();
                for (int at = current; at != -1; at = reachedFrom.get(at)) {
                    path.add(at);
                }
                Collections.reverse(path);
                return path;
            }
            List<Integer> parents = new ArrayList<>(later.getOrDefault(current, List.of()));
            for (int n = 0; n < index.parentCount(current); n++) {
                if (index.parent(current, n) >= 0) {
                    parents.add(index.parent(current, n));
                }
            }
            for (int parent : parents) {
                if (reachedFrom.putIfAbsent(parent, current) == null) {
                    stack.push(parent);
                }
            }
        }
        return null;
    }
}
