package io.archivist.application.port.in.violation;

import io.archivist.application.port.out.violation.StorePortUsingAUseCase;

/**
 * A deliberate violation, only for {@code HexagonRulesCanFailTest}: a port in using a port out, which
 * uses it back (a cycle between packages of the application).
 */
public class UseCaseUsingAStorePort {
    StorePortUsingAUseCase port;
}
