package io.archivist.adapters.seed.violation;

import io.archivist.adapters.rest.violation.RestHelper;

/** A deliberate violation, only for {@code HexagonRulesCanFailTest}: one adapter using another. */
public class SeedUsingRest {
    RestHelper helper;
}
