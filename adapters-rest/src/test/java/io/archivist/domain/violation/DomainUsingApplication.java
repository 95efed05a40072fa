package io.archivist.domain.violation;

import io.archivist.application.port.out.RecordCascades;

/** A deliberate violation, only for {@code HexagonRulesCanFailTest}: the domain reaching into the application. */
public class DomainUsingApplication {
    RecordCascades store;
}
