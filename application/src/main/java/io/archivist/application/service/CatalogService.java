package io.archivist.application.service;

import io.archivist.application.port.in.DefineObjectTypeUseCase;
import io.archivist.application.port.out.Ports;
import io.archivist.domain.Caller;
import io.archivist.domain.Catalog;
import io.archivist.domain.ObjectType;

import java.util.List;

/** The object-type catalog of each workspace (SPEC §1). */
public final class CatalogService implements DefineObjectTypeUseCase {

    private final Ports ports;
    private final Workspaces workspaces;

    public CatalogService(Ports ports) {
        this.ports = ports;
        this.workspaces = new Workspaces(ports);
    }

    @Override
    public ObjectType define(Caller caller, ObjectType type) {
        caller.require(PERMISSION);
        return ports.unitOfWork().write(caller.workspace(), () -> {
            Catalog catalog = workspaces.catalog(caller);
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
}
