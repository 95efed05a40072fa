package io.archivist.application.port.out.violation;

import io.archivist.application.port.in.violation.UseCaseUsingAStorePort;

/** A deliberate violation, only for {@code HexagonRulesCanFailTest}: a port out using a port in. */
public class StorePortUsingAUseCase {
    UseCaseUsingAStorePort useCase;
}
