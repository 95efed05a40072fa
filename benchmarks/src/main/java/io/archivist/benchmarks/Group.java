package io.archivist.benchmarks;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The scenarios that run together in one JVM, and that JVM's heap. PostgreSQL's scenarios and the
 * HTTP one run under -Xmx256m (docs/quality.md's memory budget); P8 runs two services side by side, and
 * P7's JVM also holds the in-process Mongo server and its data, so they get more. The memory check
 * re-runs P1-P4 at a million records.
 */
enum Group {
    POSTGRES("256m", EnumSet.of(Scenario.P1, Scenario.P2, Scenario.P3, Scenario.P4, Scenario.P5)),
    HTTP("256m", EnumSet.of(Scenario.P6)),
    FIND("256m", EnumSet.of(Scenario.P9)),
    // Two services in one JVM, each within the 256 MB budget, and the clients of both workspaces.
    NEIGHBOUR("512m", EnumSet.of(Scenario.P8)),
    MONGO("4g", EnumSet.of(Scenario.P7)),
    MEMORY("256m", EnumSet.of(Scenario.P1, Scenario.P2, Scenario.P3, Scenario.P4));

    final String heap;
    final Set<Scenario> scenarios;

    Group(String heap, Set<Scenario> scenarios) {
        this.heap = heap;
        this.scenarios = scenarios;
    }

    /** The groups a run needs, in the order they run. */
    static List<Group> needed(Options options) {
        return List.of(values()).stream()
                .filter(group -> group == MEMORY
                        ? options.memoryCheck() > 0
                                && options.scenarios().stream().anyMatch(MEMORY.scenarios::contains)
                        : options.scenarios().stream().anyMatch(group.scenarios::contains))
                .toList();
    }

    Set<Scenario> of(Options options) {
        Set<Scenario> wanted = EnumSet.noneOf(Scenario.class);
        options.scenarios().stream().filter(scenarios::contains).forEach(wanted::add);
        return wanted;
    }
}
