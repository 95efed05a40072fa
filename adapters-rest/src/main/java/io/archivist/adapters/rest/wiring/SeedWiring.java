package io.archivist.adapters.rest.wiring;

import io.archivist.application.port.out.CatalogCache;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdGenerator;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.RecordWrites;
import io.archivist.application.port.out.TimeSource;
import io.archivist.application.port.out.seed.SeedBatches;
import io.archivist.application.port.out.seed.SeedReader;
import io.archivist.application.service.CommittedMetrics;
import io.archivist.application.service.WorkspaceTurns;
import io.archivist.application.service.seed.SeedImportService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The seed import use case (docs/lifecycle.md#seeds), from the ports and the seed adapter's reader. */
@Factory
public class SeedWiring {

    /** The same bound on a workspace's types as PUT /object-types (archivist.catalog.max-types). */
    @Singleton
    SeedImportService seedImportService(
            RecordReads records,
            RecordWrites writes,
            SeedBatches batches,
            CatalogStore catalogs,
            CatalogCache catalogCache,
            OperationLog log,
            WorkspaceTurns unitOfWork,
            TimeSource time,
            IdGenerator ids,
            SeedReader reader,
            @Value("${archivist.catalog.max-types:1000}") int maxTypes,
            CommittedMetrics metrics) {
        return new SeedImportService(
                records,
                writes,
                batches,
                catalogs,
                catalogCache,
                log,
                unitOfWork,
                time,
                ids,
                reader,
                maxTypes,
                metrics);
    }
}
