package io.archivist.benchmarks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * P7's baselines on the same Mongo server and collection (another workspace, an identical copy written
 * by the store): what a developer would write by hand for this server, with no history, unique
 * values, before-images or log. The subtree's ids are found by reading the workspace's graph
 * ({@code _id}, {@code parents}) once and walking it in memory; the records are then changed with
 * {@code updateMany}/{@code deleteMany} and {@code $in} over batches of 1,000 ids. The filter is
 * {@code _id} alone, because that is the one filter the in-process server answers from an index
 * (it scans for any other, including a walk by {@code parents}, which made a level-by-level walk
 * take minutes).
 */
final class MongoBaseline {

    static final int BATCH = 1_000;

    private final MongoCollection<Document> records;

    MongoBaseline(MongoCollection<Document> records) {
        this.records = records;
    }

    long archive(WorkspaceId workspace, RecordId root, String operation) {
        Date now = new Date();
        Bson set = Updates.combine(
                Updates.set("archived", true),
                Updates.set("deletedAt", now),
                Updates.set("archiveOperation", operation),
                Updates.set("updatedAt", now),
                Updates.set("updatedBy", "baseline"),
                Updates.inc("version", 1L));
        long changed = 0;
        for (List<String> batch : batches(subtree(workspace, root, true))) {
            changed += records.updateMany(Filters.in("_id", batch), set).getModifiedCount();
        }
        return changed;
    }

    long restore(WorkspaceId workspace, String operation) {
        Date now = new Date();
        return records.updateMany(
                        Filters.and(
                                Filters.eq("workspace", workspace.value()), Filters.eq("archiveOperation", operation)),
                        Updates.combine(
                                Updates.set("archived", false),
                                Updates.set("deletedAt", null),
                                Updates.set("archiveOperation", null),
                                Updates.set("updatedAt", now),
                                Updates.set("updatedBy", "baseline"),
                                Updates.inc("version", 1L)))
                .getModifiedCount();
    }

    long purge(WorkspaceId workspace, RecordId root) {
        long removed = 0;
        for (List<String> batch : batches(subtree(workspace, root, false))) {
            removed += records.deleteMany(Filters.in("_id", batch)).getDeletedCount();
        }
        return removed;
    }

    /** The ids under {@code root} (itself included), through every path; active ones only for an archive. */
    private List<String> subtree(WorkspaceId workspace, RecordId root, boolean activeOnly) {
        Bson filter = Filters.eq("workspace", workspace.value());
        if (activeOnly) {
            filter = Filters.and(filter, Filters.eq("archived", false));
        }
        Map<String, List<String>> children = new HashMap<>();
        for (Document record : records.find(filter).projection(Projections.include("_id", "parents"))) {
            for (String parent : record.getList("parents", String.class, List.of())) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(record.getString("_id"));
            }
        }
        Set<String> reached = new HashSet<>();
        List<String> ordered = new ArrayList<>();
        ArrayDeque<String> pending = new ArrayDeque<>(List.of(root.toString()));
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (reached.add(id)) {
                ordered.add(id);
                pending.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return ordered;
    }

    private static List<List<String>> batches(List<String> ids) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        }
        return batches;
    }
}
