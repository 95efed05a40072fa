package io.archivist.benchmarks;

import io.archivist.adapters.seed.StreamingSeedReader;
import io.archivist.application.port.out.CatalogCache;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdGenerator;
import io.archivist.application.port.out.LifecycleMetrics;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.RecordWrites;
import io.archivist.application.port.out.TimeSource;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.application.port.out.seed.SeedBatches;
import io.archivist.application.port.out.seed.SeedBatches.RecordWithUniqueValues;
import io.archivist.application.service.CatalogService;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.LifecycleService;
import io.archivist.application.service.LifecycleSetup;
import io.archivist.application.service.RecordService;
import io.archivist.application.service.TimeOrderedIds;
import io.archivist.application.service.seed.SeedImportService;
import io.archivist.domain.Caller;
import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordId;
import io.archivist.domain.Role;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueValues;
import io.archivist.domain.WorkspaceId;
import io.micronaut.context.BeanLocator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Archivist's application services over one store's ports, built by hand as the composition root
 * builds them: what the scenarios measure. Loading data goes through the store's own batch insert,
 * so that both copies of a scenario's data are laid out exactly as the store lays out records.
 */
final class Archivist {

    static final int BATCH = 1_000;

    final UnitOfWork unitOfWork;
    final SeedBatches batches;
    final OperationLog operations;
    final RecordService records;
    final LifecycleService lifecycle;
    final CatalogService catalog;
    final SeedImportService seeds;

    Archivist(
            RecordReads reads,
            RecordWrites writes,
            RecordCascades cascades,
            SeedBatches batches,
            CatalogStore catalogs,
            OperationLog operations,
            UnitOfWork unitOfWork) {
        TimeSource time = Instant::now;
        IdGenerator ids = new TimeOrderedIds();
        CatalogCache cache = new CatalogCache(CatalogCache.DEFAULT_WORKSPACES);
        this.unitOfWork = unitOfWork;
        this.batches = batches;
        this.operations = operations;
        this.records =
                new RecordService(reads, writes, catalogs, cache, unitOfWork, time, ids, LifecyclePolicy.DEFAULT);
        this.lifecycle = new LifecycleService(new LifecycleSetup(
                reads,
                cascades,
                operations,
                catalogs,
                cache,
                unitOfWork,
                time,
                ids,
                LifecyclePolicy.DEFAULT,
                LifecycleMetrics.NONE));
        this.catalog = new CatalogService(writes, catalogs, cache, unitOfWork, CatalogService.DEFAULT_MAX_TYPES);
        this.seeds = new SeedImportService(
                reads,
                writes,
                batches,
                catalogs,
                cache,
                operations,
                unitOfWork,
                time,
                ids,
                new StreamingSeedReader(),
                CatalogService.DEFAULT_MAX_TYPES,
                LifecycleMetrics.NONE);
    }

    /** Over the store beans of a running context, with {@code unitOfWork} (the store's, or the service's queued one). */
    static Archivist of(BeanLocator context, UnitOfWork unitOfWork) {
        return new Archivist(
                context.getBean(RecordReads.class),
                context.getBean(RecordWrites.class),
                context.getBean(RecordCascades.class),
                context.getBean(SeedBatches.class),
                context.getBean(CatalogStore.class),
                context.getBean(OperationLog.class),
                unitOfWork);
    }

    static Caller admin(WorkspaceId workspace) {
        return Caller.user("bench-admin", workspace, Set.of(Role.ADMIN));
    }

    void define(WorkspaceId workspace, List<ObjectType> types) {
        types.forEach(type -> catalog.define(admin(workspace), type));
    }

    /**
     * Writes a generated subtree into the workspace (whose types are defined) through the store's
     * batch insert, in one unit of work; returns the root's id.
     */
    RecordId load(WorkspaceId workspace, TreeShape shape, String copy) {
        Subtrees.Ids ids = new Subtrees.Ids();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        write(
                workspace,
                out -> Subtrees.generate(shape, node -> out.accept(Subtrees.record(node, ids, copy, workspace, at))));
        return ids.of(0);
    }

    /**
     * Writes the records {@code source} hands over (of the benchmark's types, defined in the
     * workspace) through the store's batch insert, in one unit of work.
     */
    void write(WorkspaceId workspace, Consumer<Consumer<StoredRecord>> source) {
        Map<String, ObjectType> types =
                Subtrees.types().stream().collect(Collectors.toMap(ObjectType::name, Function.identity()));
        unitOfWork.write(workspace, () -> {
            Batches<StoredRecord> batches = new Batches<>(BATCH, batch -> insert(batch, types));
            source.accept(batches);
            batches.flush();
            return null;
        });
    }

    /** The two copies a cascade scenario runs on: Archivist's root, and the baseline's root of an identical subtree. */
    record Copies(RecordId archivist, RecordId baseline) {}

    /** Defines the types in both workspaces of a cascade scenario and loads the same subtree into each. */
    Copies loadCopies(TreeShape shape) {
        define(CascadeScenarios.ARCHIVIST, Subtrees.types());
        define(CascadeScenarios.BASELINE, Subtrees.types());
        return new Copies(load(CascadeScenarios.ARCHIVIST, shape, "a"), load(CascadeScenarios.BASELINE, shape, "b"));
    }

    void insert(List<StoredRecord> batch, Map<String, ObjectType> types) {
        batches.insertAll(batch.stream()
                .map(r -> new RecordWithUniqueValues(r, UniqueValues.of(types.get(r.type()), r.attributes())))
                .toList());
    }
}
