package io.archivist.application.violation;

import io.micronaut.context.ApplicationContext;

/** A deliberate violation, only for {@code HexagonRulesCanFailTest}: the application using Micronaut. */
public class ApplicationUsingFramework {
    ApplicationContext context;
}
