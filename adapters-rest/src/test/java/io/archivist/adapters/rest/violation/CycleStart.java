package io.archivist.adapters.rest.violation;

import io.archivist.adapters.rest.violation.elsewhere.CycleBack;

/** A deliberate violation, only for {@code HexagonRulesCanFailTest}: one half of a cycle between two REST packages. */
public class CycleStart {
    CycleBack back;
}
