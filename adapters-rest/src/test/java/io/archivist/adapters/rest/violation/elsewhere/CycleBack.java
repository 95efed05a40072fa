package io.archivist.adapters.rest.violation.elsewhere;

import io.archivist.adapters.rest.violation.CycleStart;

/** A deliberate violation, only for {@code HexagonRulesCanFailTest}: the other half of the cycle. */
public class CycleBack {
    CycleStart start;
}
