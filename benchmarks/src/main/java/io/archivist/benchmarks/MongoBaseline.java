package io.archivist.benchmarks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * P7's baselines on the same Mongo server and collection (another workspace, an identical copy written
 * by the store): what a developer would write by hand. The subtree is walked level by level through
 * the {@code parents} field, each level changed with {@code updateMany}/{@code deleteMany} and
 * {@code $in} over batches of 1,000 ids; no history, unique values, before-images or log.
 */
final class MongoBaseline {

    static final int BATCH = 1_000;

    private final MongoCollection<Document> records;

    MongoBaseline(MongoCollection<Document> records) {
        this.records = records;
    }

    long archive(WorkspaceId workspace, RecordId root, String operation) {
        Date now = new Date();
        Bson set = Updates.combine(Updates.set("archived", true), Updates.set("deletedAt", now),
                Updates.set("archiveOperation", operation), Updates.set("updatedAt", now),
                Updates.set("updatedBy", "baseline"), Updates.inc("version", 1L));
        long changed = 0;
        for (List<String> level = List.of(root.toString()); !level.isEmpty(); ) {
            List<String> below = children(workspace, level, true);
            for (List<String> batch : batches(level)) {
                changed += records.updateMany(Filters.and(Filters.eq("workspace", workspace.value()),
                        Filters.in("_id", batch), Filters.eq("archived", false)), set).getModifiedCount();
            }
            level = below;
        }
        return changed;
    }

    long restore(WorkspaceId workspace, String operation) {
        Date now = new Date();
        return records.updateMany(Filters.and(Filters.eq("workspace", workspace.value()),
                        Filters.eq("archiveOperation", operation)),
                Updates.combine(Updates.set("archived", false), Updates.set("deletedAt", null),
                        Updates.set("archiveOperation", null), Updates.set("updatedAt", now),
                        Updates.set("updatedBy", "baseline"), Updates.inc("version", 1L))).getModifiedCount();
    }

    long purge(WorkspaceId workspace, RecordId root) {
        long removed = 0;
        for (List<String> level = List.of(root.toString()); !level.isEmpty(); ) {
            List<String> below = children(workspace, level, false);
            for (List<String> batch : batches(level)) {
                removed += records.deleteMany(Filters.and(Filters.eq("workspace", workspace.value()),
                        Filters.in("_id", batch))).getDeletedCount();
            }
            level = below;
        }
        return removed;
    }

    /** The ids of the records depending on any of {@code parents} (a record with two parents once). */
    private List<String> children(WorkspaceId workspace, List<String> parents, boolean activeOnly) {
        Set<String> found = new LinkedHashSet<>();
        for (List<String> batch : batches(parents)) {
            Bson filter = Filters.and(Filters.eq("workspace", workspace.value()), Filters.in("parents", batch));
            if (activeOnly) {
                filter = Filters.and(filter, Filters.eq("archived", false));
            }
            for (Document child : records.find(filter).projection(Projections.include("_id"))) {
                found.add(child.getString("_id"));
            }
        }
        return new ArrayList<>(found);
    }

    private static List<List<String>> batches(List<String> ids) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        }
        return batches;
    }
}
