package io.archivist.application.service;

import io.archivist.application.port.in.DefineObjectTypeUseCase;
import io.archivist.application.port.out.CatalogCache;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.RecordWrites;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.Catalog;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.ObjectType;
import io.archivist.domain.WorkspaceId;
import java.util.List;
import java.util.Map;

/** The object-type catalog of each workspace (docs/lifecycle.md#concepts), at most {@code maxTypes} types in each (R14). */
public final class CatalogService implements DefineObjectTypeUseCase {

    /** archivist.catalog.max-types, unless set. */
    public static final int DEFAULT_MAX_TYPES = 1_000;

    private final RecordWrites records;
    private final CatalogStore catalogs;
    private final CatalogCache catalogCache;
    private final UnitOfWork unitOfWork;
    private final int maxTypes;

    /** {@code records}: a type's new unique attributes are indexed again in its records (R6). */
    public CatalogService(
            RecordWrites records,
            CatalogStore catalogs,
            CatalogCache catalogCache,
            UnitOfWork unitOfWork,
            int maxTypes) {
        if (maxTypes < 1) {
            throw new IllegalArgumentException("archivist.catalog.max-types must be at least 1, not " + maxTypes);
        }
        this.records = records;
        this.catalogs = catalogs;
        this.catalogCache = catalogCache;
        this.unitOfWork = unitOfWork;
        this.maxTypes = maxTypes;
    }

    @Override
    public ObjectType define(Caller caller, ObjectType type) {
        caller.require(PERMISSION);
        return unitOfWork.write(caller.workspace(), () -> {
            Catalog catalog = Workspaces.catalog(catalogs, catalogCache, caller);
            requireRoom(
                    caller.workspace(),
                    catalog.definedCount(),
                    catalog.find(type.name()).isPresent(),
                    maxTypes,
                    "type '" + type.name() + "'");
            List<String> uniqueBefore =
                    catalog.find(type.name()).map(ObjectType::unique).orElse(List.of());
            catalog.define(type);
            catalogs.save(caller.workspace(), type);
            if (!uniqueBefore.equals(type.unique())) {
                records.reindexUnique(caller.workspace(), type);
            }
            return type;
        });
    }

    @Override
    public List<ObjectType> list(Caller caller) {
        return List.copyOf(Workspaces.catalog(catalogs, catalogCache, caller).types());
    }

    @Override
    public ObjectType get(Caller caller, String name) {
        return Workspaces.catalog(catalogs, catalogCache, caller).require(name);
    }

    /** R14: a new type ({@code what}) past {@code maxTypes} is a 422 LIMIT_EXCEEDED, before anything changes. */
    public static void requireRoom(WorkspaceId workspace, int defined, boolean known, int maxTypes, String what) {
        if (!known && defined >= maxTypes) {
            throw new ArchivistException(
                    ErrorCode.LIMIT_EXCEEDED,
                    what + " would be object type "
                            + (defined + 1) + " of workspace " + workspace + ", which may hold at most " + maxTypes
                            + " (archivist.catalog.max-types)",
                    Map.of("limit", maxTypes));
        }
    }
}
