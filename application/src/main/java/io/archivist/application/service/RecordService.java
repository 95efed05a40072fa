package io.archivist.application.service;

import io.archivist.application.port.in.CreateRecordCommand;
import io.archivist.application.port.in.ListRecordsQuery;
import io.archivist.application.port.in.RecordUseCase;
import io.archivist.application.port.in.RecordView;
import io.archivist.application.port.in.UpdateRecordCommand;
import io.archivist.application.port.out.CatalogCache;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdGenerator;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.RecordWrites;
import io.archivist.application.port.out.TimeSource;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.AttributesPatch;
import io.archivist.domain.Caller;
import io.archivist.domain.Catalog;
import io.archivist.domain.Lifecycle;
import io.archivist.domain.Limits;
import io.archivist.domain.ObjectType;
import io.archivist.domain.PagePosition;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueConflict;
import io.archivist.domain.UniqueValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Create, read, update and list records (docs/lifecycle.md#concepts, R6, R9). */
public final class RecordService implements RecordUseCase, ListRecordsQuery {

    private final RecordReads records;
    private final RecordWrites writes;
    private final UnitOfWork unitOfWork;
    private final Workspaces workspaces;
    private final IdGenerator ids;
    private final LifecyclePolicy policy;

    public RecordService(
            RecordReads records,
            RecordWrites writes,
            CatalogStore catalogs,
            CatalogCache catalogCache,
            UnitOfWork unitOfWork,
            TimeSource time,
            IdGenerator ids,
            LifecyclePolicy policy) {
        this.policy = policy;
        this.records = records;
        this.writes = writes;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.workspaces = new Workspaces(records, catalogs, catalogCache, time);
    }

    @Override
    public RecordView create(CreateRecordCommand command) {
        Caller caller = command.caller();
        caller.require(PERMISSION);
        return unitOfWork.write(caller.workspace(), () -> {
            Catalog catalog = workspaces.catalog(caller);
            ObjectType type = catalog.find(command.type())
                    .orElseThrow(() -> ArchivistException.invalid(
                            "object type '" + Limits.quote(command.type()) + "' is not defined"));
            List<StoredRecord> parents = records.findAll(caller.workspace(), command.parents());
            Lifecycle.requireAllowedParents(type, command.parents(), parents);
            RecordId id = RecordId.of(ids.next());
            Lifecycle.requireParentsActive(id, parents);
            command.key()
                    .ifPresent(key -> records.findByKey(caller.workspace(), type.name(), key)
                            .ifPresent(holder -> {
                                throw ArchivistException.duplicateKey(type.name(), key, holder.id());
                            }));
            Map<String, String> unique = UniqueValues.of(type, command.attributes());
            requireUniqueFree(caller, type, id, unique);
            Instant now = workspaces.now();
            StoredRecord record = StoredRecord.create(
                    id,
                    caller.workspace(),
                    type.name(),
                    command.key(),
                    command.attributes(),
                    command.parents(),
                    caller.actor(),
                    now);
            writes.insert(record, unique);
            return workspaces.view(catalog, record);
        });
    }

    @Override
    public RecordView update(UpdateRecordCommand command) {
        Caller caller = command.caller();
        caller.require(PERMISSION);
        return unitOfWork.write(caller.workspace(), () -> {
            StoredRecord record = workspaces.record(caller, command.id());
            Lifecycle.requireVersion(record, command.ifMatch());
            Lifecycle.requireActive(record);
            Catalog catalog = workspaces.catalog(caller);
            ObjectType type = catalog.require(record.type());
            Map<String, Object> attributes = AttributesPatch.apply(record.attributes(), command.attributesPatch());
            Map<String, String> unique = UniqueValues.of(type, attributes);
            requireUniqueFree(caller, type, record.id(), unique);
            StoredRecord updated = record.withAttributes(attributes, caller.actor(), workspaces.now());
            writes.update(updated, unique);
            return workspaces.view(catalog, updated);
        });
    }

    @Override
    public RecordView get(Caller caller, RecordId id) {
        return unitOfWork.readLatest(caller.workspace(), () -> workspaces.view(caller, id));
    }

    @Override
    public RecordPage list(Caller caller, RecordFilter filter, int limit, Optional<String> cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ArchivistException.invalid("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        Optional<PagePosition> after = cursor.map(text -> PageCursor.decode(text, filter));
        // The page is one statement, so one state. Its records' titles and purge_after come from the catalog,
        // read after the page: at the version the page's statement read along (JDBC), so that a page is one
        // round trip while this instance holds that catalog; else (an empty page, a store that does not read
        // it along) at the version read now, which also tells an unknown type from an empty page. It need
        // not be the page's state (types are never removed; a change in between shows on the next read), so
        // no snapshot has to span the two.
        return unitOfWork.readLatest(caller.workspace(), () -> {
            // R14: a page of large records ends early, with a cursor, rather than filling the memory.
            RecordReads.Page page = records.pageWithin(caller.workspace(), filter, after, limit, policy.maxPageBytes());
            List<StoredRecord> found = page.records();
            Optional<String> next = page.more() && !found.isEmpty()
                    ? Optional.of(
                            PageCursor.after(PagePosition.after(found.get(found.size() - 1), filter.sort()), filter))
                    : Optional.empty();
            Catalog catalog = page.catalogVersion().isPresent()
                    ? workspaces.catalogAt(caller, page.catalogVersion().getAsLong())
                    : workspaces.catalog(caller);
            if (found.isEmpty()) {
                filter.type().ifPresent(catalog::require);
            }
            return new RecordPage(
                    found.stream().map(r -> workspaces.view(catalog, r)).toList(), next);
        });
    }

    /** R6: refuses, naming the holder, a unique value an active record other than {@code self} holds. */
    private void requireUniqueFree(Caller caller, ObjectType type, RecordId self, Map<String, String> unique) {
        unique.forEach((attribute, value) -> records.activeHolder(caller.workspace(), type.name(), attribute, value)
                .filter(holder -> !holder.equals(self))
                .ifPresent(holder -> {
                    throw new UniqueConflict(self, type.name(), attribute, holder).toException();
                }));
    }
}
