package io.archivist.adapters.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archivist.application.contract.StorePorts;
import io.archivist.application.memory.InMemoryStore;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.seed.ImportSeedCommand;
import io.archivist.application.port.in.seed.SeedReport;
import io.archivist.application.port.in.seed.SeedSource;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.LifecycleService;
import io.archivist.application.service.seed.SeedImportService;
import io.archivist.domain.Caller;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.Role;
import io.archivist.domain.SeedFormat;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The example seed of the README imports, and its archived parts restore as they were archived together. */
class ExampleSeedTest {

    private static final Path EXAMPLE = Path.of("..", "seeds", "example.json");
    private static final WorkspaceId DEMO = WorkspaceId.of("demo");

    private final StorePorts ports = new InMemoryStore().ports();
    private final SeedImportService seeds = ports.seedImportService(new StreamingSeedReader());
    private final LifecycleService lifecycle = ports.lifecycleService(LifecyclePolicy.DEFAULT);
    private final Caller ada = Caller.user("ada", DEMO, Set.of(Role.ADMIN));

    @Test
    void the_example_seed_imports_and_restores_exactly_its_co_archived_sets() {
        SeedReport report = importExample();
        assertEquals(17, report.recordTotals().created());
        assertEquals(
                Set.of(
                        "user-linus",
                        "assign-linus-accounts",
                        "task-buddy-lunch",
                        "journey-offboarding-2024",
                        "step-offboarding-handover",
                        "task-return-laptop",
                        "task-exit-survey"),
                archivedKeys());

        lifecycle.restore(LifecycleCommand.of(
                ada, record("journey", "journey-offboarding-2024").id()));
        lifecycle.restore(LifecycleCommand.of(ada, record("user", "user-linus").id()));

        assertEquals(
                Set.of("task-buddy-lunch", "task-exit-survey"),
                archivedKeys(),
                "each was archived on its own, at another time");
        assertEquals(17, importExample().recordTotals().unchanged(), "importing it again changes nothing");
    }

    private SeedReport importExample() {
        return seeds.importSeed(
                ImportSeedCommand.asSeedActor(SeedSource.ofFile(EXAMPLE), SeedFormat.JSON, false, null));
    }

    private StoredRecord record(String type, String key) {
        return ports.records().findByKey(DEMO, type, key).orElseThrow();
    }

    private Set<String> archivedKeys() {
        return ports.records().page(DEMO, RecordFilter.all(), Optional.empty(), 500).stream()
                .filter(StoredRecord::archived)
                .map(r -> r.key().orElseThrow())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
