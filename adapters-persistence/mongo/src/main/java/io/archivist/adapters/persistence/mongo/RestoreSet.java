package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;
import static io.archivist.adapters.persistence.mongo.MongoSchema.WORKSPACE;
import static io.archivist.adapters.persistence.mongo.RecordFields.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.archivist.application.port.out.RestoreOutline;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Blocker;
import io.archivist.domain.CountsPerType;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.RecordId;
import io.archivist.domain.UniqueConflict;
import io.archivist.domain.WorkspaceId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * R5 in a bounded number of queries, with the planner's answers. Let X be the archive operation of
 * the archived {@code root}. The candidates are the records of X below the root. A candidate stays
 * archived when one of its parents is archived and is not a candidate ("blocking" parents; the root
 * itself always comes back), and so does every candidate below one that stays (I1). So:
 * <ol>
 *   <li>one aggregation finds the blocking parents: the distinct parents of the candidates, looked up,
 *       kept when archived and not of X below the root;</li>
 *   <li>one query finds the candidates with a blocking parent (usually none);</li>
 *   <li>the restored set is the root and the candidates that are neither among those nor below them.</li>
 * </ol>
 */
final class RestoreSet {

    private final MongoCollection<Document> records;
    private final WorkspaceId workspace;
    private final String root;
    private final String operation;
    private final List<String> firstLeft;

    private RestoreSet(
            MongoCollection<Document> records,
            WorkspaceId workspace,
            String root,
            String operation,
            List<String> firstLeft) {
        this.records = records;
        this.workspace = workspace;
        this.root = root;
        this.operation = operation;
        this.firstLeft = firstLeft;
    }

    static RestoreSet of(MongoCollection<Document> records, WorkspaceId workspace, RecordId rootId) {
        String root = rootId.toString();
        Document found = records.find(MongoRecordStore.in(workspace, Filters.eq(ID, root)))
                .projection(Projections.include(ARCHIVED, ARCHIVE_OPERATION))
                .first();
        if (found == null) {
            throw ArchivistException.notFound(rootId);
        }
        if (!found.getBoolean(ARCHIVED)) {
            throw Blocker.notArchived(rootId).toException();
        }
        String operation = found.getString(ARCHIVE_OPERATION);
        Bson candidates = candidates(workspace, root, operation);
        List<String> blocking = new ArrayList<>();
        records.aggregate(List.of(
                        Aggregates.match(candidates),
                        Aggregates.project(Projections.include(PARENTS)),
                        Aggregates.unwind("$" + PARENTS),
                        Aggregates.group("$" + PARENTS),
                        Aggregates.match(Filters.ne(ID, root)),
                        Aggregates.lookup(MongoSchema.RECORDS, ID, ID, "parent"),
                        Aggregates.unwind("$parent"),
                        Aggregates.match(Filters.and(
                                Filters.eq("parent." + WORKSPACE, workspace.value()),
                                Filters.eq("parent." + ARCHIVED, true),
                                Filters.nor(Filters.and(
                                        Filters.eq("parent." + ARCHIVE_OPERATION, operation),
                                        Filters.eq("parent." + ANCESTORS, root))))),
                        Aggregates.project(Projections.include(ID))))
                .forEach(row -> blocking.add(row.getString(ID)));
        List<String> firstLeft = new ArrayList<>();
        if (!blocking.isEmpty()) {
            records.find(Filters.and(candidates, Filters.in(PARENTS, blocking)))
                    .projection(Projections.include(ID))
                    .forEach(row -> firstLeft.add(row.getString(ID)));
        }
        return new RestoreSet(records, workspace, root, operation, firstLeft);
    }

    /** The archive operation that holds the root, and every record that comes back. */
    String operation() {
        return operation;
    }

    private static Bson candidates(WorkspaceId workspace, String root, String operation) {
        return MongoRecordStore.in(
                workspace, Filters.and(Filters.eq(ARCHIVE_OPERATION, operation), Filters.eq(ANCESTORS, root)));
    }

    /** The root and every candidate that comes back. */
    Bson restored() {
        Bson comesBack = Filters.and(
                Filters.eq(ARCHIVE_OPERATION, operation),
                Filters.eq(ANCESTORS, root),
                Filters.nin(ID, firstLeft),
                Filters.nin(ANCESTORS, firstLeft));
        return MongoRecordStore.in(workspace, Filters.or(Filters.eq(ID, root), comesBack));
    }

    /** The candidates that stay archived. */
    Bson left() {
        return Filters.and(
                candidates(workspace, root, operation),
                Filters.or(Filters.in(ID, firstLeft), Filters.in(ANCESTORS, firstLeft)));
    }

    RestoreOutline outline(int listLimit, int named) {
        CountsPerType counts = Counts.perType(records, restored());
        return new RestoreOutline(
                counts,
                leftArchived(listLimit),
                conflicts(listLimit),
                Counts.first(records, restored(), counts.types(), named));
    }

    /**
     * R6: records that would come back holding a value an active record holds, then pairs of records
     * that would come back holding the same value (possible only after the type's unique attributes changed).
     */
    List<UniqueConflict> conflicts(int limit) {
        List<UniqueConflict> conflicts = new ArrayList<>();
        String prefix = Claims.prefix(workspace);
        Bson realClaims = Filters.and(Filters.gte(IDLE_CLAIMS, prefix), Filters.lt(IDLE_CLAIMS, prefix + '\uffff'));
        // Most records hold no unique value: only those that do are unwound (on an array the first
        // match keeps a record when any of its claims is in range; the match after the unwind is exact).
        Bson holding = Filters.and(restored(), realClaims);
        records.aggregate(List.of(
                        Aggregates.match(holding),
                        Aggregates.project(Projections.include(TYPE, IDLE_CLAIMS)),
                        Aggregates.unwind("$" + IDLE_CLAIMS),
                        Aggregates.match(realClaims),
                        Aggregates.lookup(MongoSchema.RECORDS, IDLE_CLAIMS, CLAIMS, "holder"),
                        Aggregates.unwind("$holder"),
                        Aggregates.project(Projections.include(TYPE, IDLE_CLAIMS, "holder._id")),
                        Aggregates.sort(Sorts.ascending(ID, IDLE_CLAIMS)),
                        Aggregates.limit(limit)))
                .forEach(row -> conflicts.add(new UniqueConflict(
                        RecordDocuments.recordId(row.getString(ID)),
                        row.getString(TYPE),
                        Claims.attributeOf(row.getString(IDLE_CLAIMS)),
                        RecordDocuments.recordId(
                                row.get("holder", Document.class).getString(ID)))));
        if (conflicts.size() < limit) {
            records.aggregate(List.of(
                            Aggregates.match(holding),
                            Aggregates.project(Projections.include(TYPE, IDLE_CLAIMS)),
                            Aggregates.unwind("$" + IDLE_CLAIMS),
                            Aggregates.match(realClaims),
                            Aggregates.group(
                                    "$" + IDLE_CLAIMS,
                                    Accumulators.push("ids", "$" + ID),
                                    Accumulators.first(TYPE, "$" + TYPE),
                                    Accumulators.sum("n", 1)),
                            Aggregates.match(Filters.gt("n", 1)),
                            Aggregates.sort(Sorts.ascending(ID)),
                            Aggregates.limit(limit - conflicts.size())))
                    .forEach(row -> {
                        List<String> ids = new ArrayList<>(row.getList("ids", String.class));
                        Collections.sort(ids);
                        conflicts.add(new UniqueConflict(
                                RecordDocuments.recordId(ids.get(1)),
                                row.getString(TYPE),
                                Claims.attributeOf(row.getString(ID)),
                                RecordDocuments.recordId(ids.get(0))));
                    });
        }
        return conflicts;
    }

    /** R5: the first {@code limit} records that stay archived, parents before dependents, with the parents that stay. */
    List<LeftArchived> leftArchived(int limit) {
        if (firstLeft.isEmpty() || limit < 1) {
            return List.of();
        }
        List<Document> left = new ArrayList<>();
        records.aggregate(List.of(
                        Aggregates.match(left()),
                        Aggregates.project(Projections.fields(
                                Projections.include(TYPE, PARENTS),
                                Projections.computed("depth", new Document("$size", "$" + ANCESTORS)))),
                        // A parent has fewer ancestors than its dependent: this order puts parents first.
                        Aggregates.sort(Sorts.ascending("depth", ID)),
                        Aggregates.limit(limit)))
                .into(left);
        Set<String> parentIds = new LinkedHashSet<>();
        left.forEach(row -> parentIds.addAll(row.getList(PARENTS, String.class)));
        Map<String, Document> parents = new HashMap<>();
        records.find(MongoRecordStore.in(workspace, Filters.in(ID, parentIds)))
                .projection(Projections.include(ARCHIVED, ARCHIVE_OPERATION, ANCESTORS))
                .forEach(parent -> parents.put(parent.getString(ID), parent));
        List<LeftArchived> result = new ArrayList<>();
        for (Document row : left) {
            List<RecordId> stayArchived = row.getList(PARENTS, String.class).stream()
                    .filter(parent -> staysArchived(parents.get(parent)))
                    .map(RecordDocuments::recordId)
                    .toList();
            result.add(
                    new LeftArchived(RecordDocuments.recordId(row.getString(ID)), row.getString(TYPE), stayArchived));
        }
        return result;
    }

    private boolean staysArchived(Document parent) {
        if (parent == null
                || !parent.getBoolean(ARCHIVED)
                || parent.getString(ID).equals(root)) {
            return false;
        }
        List<String> ancestors = parent.getList(ANCESTORS, String.class);
        boolean candidate = operation.equals(parent.getString(ARCHIVE_OPERATION)) && ancestors.contains(root);
        boolean left =
                firstLeft.contains(parent.getString(ID)) || ancestors.stream().anyMatch(firstLeft::contains);
        return !candidate || left;
    }
}
