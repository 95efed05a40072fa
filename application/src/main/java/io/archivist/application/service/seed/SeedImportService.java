package io.archivist.application.service.seed;

import io.archivist.application.port.in.seed.ImportSeedCommand;
import io.archivist.application.port.in.seed.ImportSeedUseCase;
import io.archivist.application.port.in.seed.SeedError;
import io.archivist.application.port.in.seed.SeedProgress.Phase;
import io.archivist.application.port.in.seed.SeedRejectedException;
import io.archivist.application.port.in.seed.SeedReport;
import io.archivist.application.port.out.CatalogCache;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdGenerator;
import io.archivist.application.port.out.LifecycleMetrics;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.RecordWrites;
import io.archivist.application.port.out.TimeSource;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.application.port.out.seed.MalformedSeedException;
import io.archivist.application.port.out.seed.SeedBatches;
import io.archivist.application.port.out.seed.SeedItem;
import io.archivist.application.port.out.seed.SeedItem.RecordEntry;
import io.archivist.application.port.out.seed.SeedItem.WorkspaceEntry;
import io.archivist.application.port.out.seed.SeedItems;
import io.archivist.application.port.out.seed.SeedPosition;
import io.archivist.application.port.out.seed.SeedReader;
import io.archivist.application.service.Workspaces;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.ObjectType;
import io.archivist.domain.WorkspaceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * docs/lifecycle.md#seeds: imports a seed in two streaming passes inside one unit of work of its workspace. The
 * first validates everything and keeps compact facts per record ({@link SeedValidator}); with any
 * error it refuses and nothing is written. The second reads the seed again and writes in batches
 * ({@link SeedWriter}). A dry run is the first pass alone, in a read unit.
 */
public final class SeedImportService implements ImportSeedUseCase {

    static final int PROGRESS_EVERY = 10_000;

    private final RecordReads records;
    private final RecordWrites writes;
    private final SeedBatches batches;
    private final CatalogStore catalogs;
    private final OperationLog operations;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final SeedReader reader;
    private final CatalogCache catalogCache;
    private final TimeSource time;
    private final int maxTypes;
    private final LifecycleMetrics metrics;

    /**
     * {@code writes}: a type whose unique attributes the seed changes has its records' values indexed again.
     * {@code maxTypes}: R14's bound on the types of a workspace, as CatalogService has it. {@code metrics} hears
     * of each import that commits (a dry run is none).
     */
    public SeedImportService(
            RecordReads records,
            RecordWrites writes,
            SeedBatches batches,
            CatalogStore catalogs,
            CatalogCache catalogCache,
            OperationLog operations,
            UnitOfWork unitOfWork,
            TimeSource time,
            IdGenerator ids,
            SeedReader reader,
            int maxTypes,
            LifecycleMetrics metrics) {
        this.records = Objects.requireNonNull(records, "records");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.batches = Objects.requireNonNull(batches, "batches");
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.operations = Objects.requireNonNull(operations, "operations");
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.catalogCache = Objects.requireNonNull(catalogCache, "catalogCache");
        this.time = Objects.requireNonNull(time, "time");
        this.maxTypes = maxTypes;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public SeedReport importSeed(ImportSeedCommand command) {
        command.caller().ifPresent(caller -> caller.require(PERMISSION));
        Caller caller = command.caller().orElseGet(() -> Caller.seed(workspaceNamedBy(command)));
        if (command.dryRun()) {
            return unitOfWork.read(
                    caller.workspace(), () -> validate(command, caller).report(true));
        }
        return unitOfWork.write(caller.workspace(), () -> {
            long started = System.nanoTime();
            SeedPlan plan = validate(command, caller);
            write(command, plan);
            metrics.seedImported(caller.workspace(), plan.records, Duration.ofNanos(System.nanoTime() - started));
            return plan.report(false);
        });
    }

    private SeedPlan validate(ImportSeedCommand command, Caller caller) {
        SeedPlan plan = new SeedPlan(caller, Workspaces.catalog(catalogs, catalogCache, caller), maxTypes);
        Instant now = Workspaces.now(time);
        SeedValidator validator = new SeedValidator(records, ids, plan, now);
        try {
            read(command, Phase.VALIDATING, validator::accept);
        } catch (MalformedSeedException e) {
            validator.malformed(e);
        }
        validator.finish();
        plan.errors.throwIfAny();
        finished(command, Phase.VALIDATING, plan.records);
        return plan;
    }

    private void write(ImportSeedCommand command, SeedPlan plan) {
        saveTypes(plan);
        SeedWriter writer = new SeedWriter(records, batches, plan, Workspaces.now(time));
        writer.logOperations(operations);
        read(command, Phase.WRITING, item -> {
            if (item instanceof RecordEntry entry) {
                writer.accept(entry);
            }
        });
        writer.finish();
        finished(command, Phase.WRITING, plan.records);
    }

    /**
     * The seed's new and changed types, validated by the first pass, in one batch and one catalog
     * version. A stored type whose unique attributes changed has its records' values indexed again,
     * as {@code PUT /object-types} does; a new type has no records yet.
     */
    private void saveTypes(SeedPlan plan) {
        if (plan.typesToSave.isEmpty()) {
            return;
        }
        WorkspaceId workspace = plan.caller.workspace();
        catalogs.saveAll(workspace, plan.typesToSave);
        for (ObjectType type : plan.typesToSave) {
            plan.stored
                    .find(type.name())
                    .filter(before -> !before.unique().equals(type.unique()))
                    .ifPresent(before -> writes.reindexUnique(workspace, type));
        }
    }

    /** The end of a pass, unless its last progress update already said it. */
    private static void finished(ImportSeedCommand command, Phase phase, long records) {
        if (records == 0 || records % PROGRESS_EVERY != 0) {
            command.progress().update(phase, records);
        }
    }

    /** One pass over the seed, telling the progress listener every {@link #PROGRESS_EVERY} records. */
    private void read(ImportSeedCommand command, Phase phase, Consumer<SeedItem> pass) {
        long records = 0;
        try (SeedItems items = reader.read(command.source().open(), command.format())) {
            while (items.hasNext()) {
                SeedItem item = items.next();
                pass.accept(item);
                if (item instanceof RecordEntry && ++records % PROGRESS_EVERY == 0) {
                    command.progress().update(phase, records);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed: " + e.getMessage(), e);
        }
    }

    /** From the command line and at start-up the workspace is the seed's: its first item must name it. */
    private WorkspaceId workspaceNamedBy(ImportSeedCommand command) {
        SeedPosition at = new SeedPosition(1, "");
        try (SeedItems items = reader.read(command.source().open(), command.format())) {
            if (items.hasNext()) {
                SeedItem first = items.next();
                at = first.position();
                if (first instanceof WorkspaceEntry entry && entry.name() != null) {
                    return WorkspaceId.of(entry.name());
                }
            }
            throw rejected(
                    SeedError.Code.VALIDATION_FAILED,
                    at,
                    "the seed names no workspace: give \"workspace\" first, before object_types and records");
        } catch (MalformedSeedException e) {
            throw rejected(SeedError.Code.MALFORMED_SEED, e.position(), e.getMessage());
        } catch (ArchivistException e) {
            if (e instanceof SeedRejectedException) {
                throw e;
            }
            throw rejected(SeedError.Code.VALIDATION_FAILED, at, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed: " + e.getMessage(), e);
        }
    }

    private static SeedRejectedException rejected(SeedError.Code code, SeedPosition at, String message) {
        return new SeedRejectedException(
                List.of(new SeedError(code, Optional.empty(), at.line(), at.pointer(), message)), 1);
    }
}
