package io.archivist.adapters.rest.wiring;

import io.archivist.application.port.out.Ports;
import io.archivist.application.port.out.SeedReader;
import io.archivist.application.service.SeedImportService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The seed import use case (docs/lifecycle.md#seeds), from the ports and the seed adapter's reader. */
@Factory
public class SeedWiring {

    /** The same bound on a workspace's types as PUT /object-types (archivist.catalog.max-types). */
    @Singleton
    SeedImportService seedImportService(Ports ports, SeedReader reader,
                                        @Value("${archivist.catalog.max-types:1000}") int maxTypes) {
        return new SeedImportService(ports, reader, maxTypes);
    }
}
