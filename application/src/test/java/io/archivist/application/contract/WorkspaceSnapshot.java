package io.archivist.application.contract;

import io.archivist.domain.CascadePlanner;
import io.archivist.domain.Catalog;
import io.archivist.domain.ObjectType;
import io.archivist.domain.PagePosition;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordGraph;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueValues;
import io.archivist.domain.WorkspaceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every record of a workspace and its catalog, read through the port in one consistent read.
 * It is a {@link RecordGraph}, so the domain's {@link CascadePlanner} over it says what an
 * archive, restore or purge must do: the oracle every store is held to.
 */
public final class WorkspaceSnapshot implements RecordGraph {

    private static final int PAGE = 500;

    private final Map<RecordId, StoredRecord> records;
    private final Catalog catalog;
    private final Map<RecordId, List<StoredRecord>> dependents = new HashMap<>();

    private WorkspaceSnapshot(Map<RecordId, StoredRecord> records, Catalog catalog) {
        this.records = records;
        this.catalog = catalog;
        for (StoredRecord record : records.values()) {
            record.parents()
                    .forEach(parent -> dependents
                            .computeIfAbsent(parent, p -> new ArrayList<>())
                            .add(record));
        }
    }

    public static WorkspaceSnapshot read(StorePorts ports, WorkspaceId workspace) {
        return ports.unitOfWork().read(workspace, () -> {
            Map<RecordId, StoredRecord> records = new LinkedHashMap<>();
            Optional<RecordId> after = Optional.empty();
            while (true) {
                List<StoredRecord> page =
                        ports.records().page(workspace, RecordFilter.all(), after.map(PagePosition::of), PAGE);
                page.forEach(record -> records.put(record.id(), record));
                if (page.size() < PAGE) {
                    break;
                }
                after = Optional.of(page.get(page.size() - 1).id());
            }
            return new WorkspaceSnapshot(records, Catalog.of(ports.catalogs().types(workspace)));
        });
    }

    public Map<RecordId, StoredRecord> records() {
        return records;
    }

    public Catalog catalog() {
        return catalog;
    }

    public CascadePlanner planner() {
        return new CascadePlanner(this);
    }

    public StoredRecord get(RecordId id) {
        StoredRecord record = records.get(id);
        if (record == null) {
            throw new AssertionError("record " + id + " is not in the workspace");
        }
        return record;
    }

    @Override
    public Optional<StoredRecord> find(RecordId id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public Collection<StoredRecord> dependentsOf(RecordId parent) {
        return dependents.getOrDefault(parent, List.of());
    }

    @Override
    public Optional<RecordId> activeHolder(String type, String attribute, String canonicalValue) {
        ObjectType objectType = catalog.require(type);
        return records.values().stream()
                .filter(record -> record.type().equals(type) && !record.archived())
                .filter(record -> canonicalValue.equals(
                        UniqueValues.of(objectType, record.attributes()).get(attribute)))
                .map(StoredRecord::id)
                .findFirst();
    }
}
