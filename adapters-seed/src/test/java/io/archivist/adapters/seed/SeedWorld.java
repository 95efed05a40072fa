package io.archivist.adapters.seed;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.archivist.application.contract.StorePorts;
import io.archivist.application.memory.InMemoryStore;
import io.archivist.application.port.in.seed.ImportSeedCommand;
import io.archivist.application.port.in.seed.SeedRejectedException;
import io.archivist.application.port.in.seed.SeedReport;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.LifecycleService;
import io.archivist.application.service.TimeOrderedIds;
import io.archivist.application.service.seed.SeedImportService;
import io.archivist.domain.Caller;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.Role;
import io.archivist.domain.SeedFormat;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The seed import over the in-memory reference store, with the clock at {@link #NOW}, and seeds written as text. */
final class SeedWorld {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final WorkspaceId ACME = WorkspaceId.of("acme");
    /** The types every test seed defines; on line 1, so that record n of {@link #doc} is on line n + 2. */
    static final String TYPES = """
            [{"name": "journey", "archivable": true, "unique": ["slug"]}, \
            {"name": "step", "archivable": true, "parents": ["journey"]}, \
            {"name": "task", "archivable": true, "parents": ["step"], "unique": ["code"]}, \
            {"name": "tag"}]""";

    final InMemoryStore store = new InMemoryStore();
    final StorePorts ports = store.ports(() -> NOW, new TimeOrderedIds());
    final SeedImportService seeds = ports.seedImportService(new StreamingSeedReader());
    final LifecycleService lifecycle = ports.lifecycleService(LifecyclePolicy.DEFAULT);
    final Caller admin = Caller.user("ada", ACME, Set.of(Role.ADMIN));

    /** A JSON seed for acme with {@link #TYPES} and one record per line: record n is on line n + 2, at /records/n. */
    static String doc(String... records) {
        return "{\"workspace\": \"acme\", \"object_types\": " + TYPES + ", \"records\": [\n"
                + String.join(",\n", records) + "\n]}\n";
    }

    SeedReport importSeed(String text) {
        return importSeed(text, SeedFormat.JSON, false);
    }

    SeedReport importSeed(String text, SeedFormat format, boolean dryRun) {
        return seeds.importSeed(ImportSeedCommand.asSeedActor(source(text), format, dryRun, null));
    }

    SeedReport importAs(Caller caller, String text) {
        return seeds.importSeed(ImportSeedCommand.byCaller(caller, source(text), SeedFormat.JSON, false));
    }

    SeedRejectedException rejected(String text) {
        return assertThrows(SeedRejectedException.class, () -> importSeed(text));
    }

    StoredRecord record(String type, String key) {
        return ports.records()
                .findByKey(ACME, type, key)
                .orElseThrow(() -> new AssertionError("no " + type + " " + key));
    }

    Optional<StoredRecord> find(String type, String key) {
        return ports.records().findByKey(ACME, type, key);
    }

    /** Every record of the workspace, in id order. */
    List<StoredRecord> all() {
        List<StoredRecord> all = new ArrayList<>();
        List<StoredRecord> page;
        do {
            Optional<io.archivist.domain.RecordId> after = all.isEmpty()
                    ? Optional.empty()
                    : Optional.of(all.get(all.size() - 1).id());
            page = ports.records().page(ACME, RecordFilter.all(), after.map(io.archivist.domain.PagePosition::of), 500);
            all.addAll(page);
        } while (!page.isEmpty());
        return all;
    }

    /** The keys of the archived records of the workspace, sorted. */
    Set<String> archivedKeys() {
        return all().stream()
                .filter(StoredRecord::archived)
                .map(r -> r.key().orElseThrow())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    static io.archivist.application.port.in.seed.SeedSource source(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return () -> new ByteArrayInputStream(bytes);
    }

    static String lines(String... lines) {
        return Stream.of(lines).collect(Collectors.joining("\n", "", "\n"));
    }
}
