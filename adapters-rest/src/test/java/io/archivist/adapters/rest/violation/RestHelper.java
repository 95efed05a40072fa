package io.archivist.adapters.rest.violation;

import io.archivist.application.service.RecordService;

/**
 * Deliberate violations, only for {@code HexagonRulesCanFailTest}: a REST class outside the
 * composition root that uses a service implementation.
 */
public class RestHelper {
    RecordService service;
}
