package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;
import static io.archivist.adapters.persistence.mongo.RecordFields.ANCESTORS;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The ancestors array of a new record: its parents and all of theirs. Parents are fixed at creation,
 * so the array never changes; it is what lets one command with {@code ancestors: {$in: roots}} reach a
 * whole subtree. Its size is bounded (a record at most {@code maxAncestors} deep in ancestry), so a
 * 10,000-deep chain is refused with a clear LIMIT_EXCEEDED instead of growing quadratic storage.
 */
final class Ancestry {

    private final MongoCollection<Document> records;
    private final int maxAncestors;

    Ancestry(MongoCollection<Document> records, int maxAncestors) {
        this.records = records;
        this.maxAncestors = maxAncestors;
    }

    /** The ancestors of a record with {@code parents}, read in one query. */
    List<String> of(WorkspaceId workspace, List<RecordId> parents) {
        return combine(parents, known(workspace, parents));
    }

    /** The ancestors arrays of the stored records among {@code ids}. */
    Map<String, List<String>> known(WorkspaceId workspace, Collection<RecordId> ids) {
        Map<String, List<String>> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        records.find(MongoRecordStore.in(workspace, Filters.in(ID, RecordDocuments.ids(ids))))
                .projection(Projections.include(ID, ANCESTORS))
                .forEach(document -> found.put(document.getString(ID), document.getList(ANCESTORS, String.class)));
        return found;
    }

    /** Parents' ancestors then the parents themselves; a parent missing from {@code known} is refused. */
    List<String> combine(List<RecordId> parents, Map<String, List<String>> known) {
        Set<String> ancestors = new LinkedHashSet<>();
        for (RecordId parent : parents) {
            List<String> above = known.get(parent.toString());
            if (above == null) {
                throw ArchivistException.missingParent(parent);
            }
            ancestors.addAll(above);
            ancestors.add(parent.toString());
        }
        if (ancestors.size() > maxAncestors) {
            throw new ArchivistException(
                    ErrorCode.LIMIT_EXCEEDED,
                    "a record may have at most " + maxAncestors + " ancestors in the Mongo store; this one would have "
                            + ancestors.size(),
                    Map.of("limit", maxAncestors));
        }
        return new ArrayList<>(ancestors);
    }
}
