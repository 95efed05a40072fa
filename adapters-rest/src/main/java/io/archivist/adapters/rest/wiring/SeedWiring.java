package io.archivist.adapters.rest.wiring;

import io.archivist.application.port.out.Ports;
import io.archivist.application.port.out.SeedReader;
import io.archivist.application.service.SeedImportService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The seed import use case (SPEC §5), from the ports and the seed adapter's reader. */
@Factory
public class SeedWiring {

    @Singleton
    SeedImportService seedImportService(Ports ports, SeedReader reader) {
        return new SeedImportService(ports, reader);
    }
}
