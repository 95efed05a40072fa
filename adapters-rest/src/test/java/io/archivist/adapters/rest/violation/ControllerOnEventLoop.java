package io.archivist.adapters.rest.violation;

import io.archivist.application.port.in.RecordUseCase;
import io.micronaut.http.annotation.Controller;

/**
 * A deliberate violation, only for {@code HexagonRulesCanFailTest}: a controller that calls a use case
 * on the event loop. Abstract, so that it never becomes a route.
 */
@Controller("/violation")
public abstract class ControllerOnEventLoop {
    RecordUseCase records;
}
