package io.archivist.adapters.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archivist.application.contract.StorePorts;
import io.archivist.application.memory.InMemoryStore;
import io.archivist.application.port.in.seed.ImportSeedCommand;
import io.archivist.application.port.in.seed.SeedProgress;
import io.archivist.application.port.in.seed.SeedReport;
import io.archivist.application.port.in.seed.SeedReport.Counts;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.RecordWrites;
import io.archivist.application.port.out.seed.SeedBatches;
import io.archivist.application.service.TimeOrderedIds;
import io.archivist.application.service.seed.SeedImportService;
import io.archivist.domain.SeedFormat;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The import writes in batches, one store call per thousand records, and on a workspace that has no
 * records of a type it looks nothing of that type up (counted store calls, not timed).
 */
class SeedBatchingTest {

    private static final int RECORDS = 2_500;

    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final StorePorts ports = counting(new InMemoryStore().ports(() -> SeedWorld.NOW, new TimeOrderedIds()));
    private final SeedImportService seeds = ports.seedImportService(new StreamingSeedReader());
    private final List<String> progress = new ArrayList<>();

    @Test
    void s5_a_seed_is_written_in_batches_and_a_new_type_needs_no_lookups() {
        SeedReport report = importJourneys("v1");

        assertEquals(new Counts(RECORDS, 0, 0), report.recordsPerType().get("journey"));
        assertEquals(3, count("insertAll"));
        assertEquals(0, count("insert") + count("findByKey") + count("activeHolder"));
        assertEquals(List.of("VALIDATING " + RECORDS, "WRITING " + RECORDS), progress);
    }

    @Test
    void s5_a_changed_seed_is_updated_in_batches() {
        importJourneys("v1");
        calls.clear();

        SeedReport report = importJourneys("v2");

        assertEquals(new Counts(0, RECORDS, 0), report.recordsPerType().get("journey"));
        assertEquals(3, count("updateAll"));
        assertEquals(3, count("findAll"), "one read of current versions per batch");
        assertEquals(0, count("update") + count("insertAll"));
    }

    private SeedReport importJourneys(String version) {
        StringBuilder seed = new StringBuilder("{\"workspace\": \"acme\", \"object_types\": [")
                .append("{\"name\": \"journey\", \"archivable\": true, \"unique\": [\"slug\"]}], \"records\": [\n");
        for (int n = 0; n < RECORDS; n++) {
            seed.append(n == 0 ? "" : ",\n")
                    .append("{\"key\": \"j")
                    .append(n)
                    .append("\", \"type\": \"journey\", ")
                    .append("\"attributes\": {\"slug\": \"s")
                    .append(n)
                    .append("\", \"v\": \"")
                    .append(version)
                    .append("\"}}");
        }
        progress.clear();
        SeedProgress listener = (phase, records) -> progress.add(phase + " " + records);
        return seeds.importSeed(ImportSeedCommand.asSeedActor(
                SeedWorld.source(seed.append("\n]}").toString()), SeedFormat.JSON, false, listener));
    }

    private long count(String method) {
        return calls.getOrDefault(method, new AtomicLong()).get();
    }

    /** The store's record ports, each call counted by method name. */
    private StorePorts counting(StorePorts real) {
        return new StorePorts(
                counted(RecordReads.class, real.reads()),
                counted(RecordWrites.class, real.writes()),
                counted(RecordCascades.class, real.cascades()),
                counted(SeedBatches.class, real.seedBatches()),
                real.catalogs(),
                real.operations(),
                real.unitOfWork(),
                real.idempotency(),
                real.time(),
                real.ids());
    }

    private <T> T counted(Class<T> port, T real) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            calls.computeIfAbsent(method.getName(), name -> new AtomicLong()).incrementAndGet();
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
