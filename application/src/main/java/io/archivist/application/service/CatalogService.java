package io.archivist.application.service;

import io.archivist.application.port.in.DefineObjectTypeUseCase;
import io.archivist.application.port.out.Ports;
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

    private final Ports ports;
    private final Workspaces workspaces;
    private final int maxTypes;

    public CatalogService(Ports ports) {
        this(ports, DEFAULT_MAX_TYPES);
    }

    public CatalogService(Ports ports, int maxTypes) {
        if (maxTypes < 1) {
            throw new IllegalArgumentException("archivist.catalog.max-types must be at least 1, not " + maxTypes);
        }
        this.ports = ports;
        this.workspaces = new Workspaces(ports);
        this.maxTypes = maxTypes;
    }

    @Override
    public ObjectType define(Caller caller, ObjectType type) {
        caller.require(PERMISSION);
        return ports.unitOfWork().write(caller.workspace(), () -> {
            Catalog catalog = workspaces.catalog(caller);
            requireRoom(caller.workspace(), catalog.definedCount(), catalog.find(type.name()).isPresent(), maxTypes,
                    "type '" + type.name() + "'");
            List<String> uniqueBefore = catalog.find(type.name()).map(ObjectType::unique).orElse(List.of());
            catalog.define(type);
            ports.catalogs().save(caller.workspace(), type);
            if (!uniqueBefore.equals(type.unique())) {
                ports.records().reindexUnique(caller.workspace(), type);
            }
            return type;
        });
    }

    @Override
    public List<ObjectType> list(Caller caller) {
        return List.copyOf(workspaces.catalog(caller).types());
    }

    @Override
    public ObjectType get(Caller caller, String name) {
        return workspaces.catalog(caller).require(name);
    }

    /** R14: a new type ({@code what}) past {@code maxTypes} is a 422 LIMIT_EXCEEDED, before anything changes. */
    static void requireRoom(WorkspaceId workspace, int defined, boolean known, int maxTypes, String what) {
        if (!known && defined >= maxTypes) {
            throw new ArchivistException(ErrorCode.LIMIT_EXCEEDED, what + " would be object type "
                    + (defined + 1) + " of workspace " + workspace + ", which may hold at most " + maxTypes
                    + " (archivist.catalog.max-types)", Map.of("limit", maxTypes));
        }
    }
}
