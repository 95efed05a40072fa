package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoFixture.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * R6 rests on one unique index, without partialFilterExpression (which the test server ignores and
 * which this design does not need on a real MongoDB either): active records put their values in the
 * indexed array, archived ones move them out and hold their own id in the index's second field. These
 * tests write documents straight through the driver, past every check of the store, so only the
 * index can refuse.
 */
class UniqueAmongActiveIndexIT {

    @RegisterExtension
    static final InProcessMongo server = new InProcessMongo();

    private MongoFixture fx;
    private MongoCollection<Document> records;

    @BeforeEach
    void open() {
        fx = new MongoFixture(server);
        fx.define("team", List.of(), "name");
        records = fx.database().getCollection(MongoSchema.RECORDS);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void r6_no_index_uses_a_partial_filter_and_one_unique_index_holds_the_claims() {
        List<Document> indexes = records.listIndexes().into(new ArrayList<>());
        indexes.forEach(index -> assertFalse(index.containsKey("partialFilterExpression"), index.toJson()));
        Document unique = indexes.stream()
                .filter(i -> i.getString("name").equals("records_unique_among_active"))
                .findFirst()
                .orElseThrow();
        assertEquals(true, unique.getBoolean("unique"));
        assertEquals(
                List.of("workspace", "claims", "slot"),
                new ArrayList<>(unique.get("key", Document.class).keySet()));
    }

    @Test
    void r6_the_index_alone_refuses_a_second_active_holder_and_ignores_archived_ones() {
        write(record("a"), true);
        assertEquals(
                11000,
                assertThrows(MongoWriteException.class, () -> write(record("a"), true))
                        .getCode());
        // Archived records with the same value coexist, with each other and with the active holder.
        write(record("a"), false);
        write(record("a"), false);
        // Records holding no value coexist too: each claims its own filler.
        write(record(null), true);
        write(record(null), true);
        assertEquals(5, records.countDocuments());
    }

    @Test
    void r6_archiving_moves_the_values_out_of_the_index_and_restoring_moves_them_back() {
        RecordId first = fx.create("team", Map.of("name", "a"));
        fx.delete(first);
        RecordId second = write(record("a"), true);
        ArchivistException refused = assertThrows(ArchivistException.class, () -> fx.restore(first));
        assertEquals(ErrorCode.UNIQUE_CONFLICT, refused.code());
        assertEquals(second.toString(), refused.details().get("holder"));
        records.deleteOne(new Document("_id", second.toString()));
        fx.restore(first);
        assertEquals(
                11000,
                assertThrows(MongoWriteException.class, () -> write(record("a"), true))
                        .getCode());
    }

    @Test
    void r6_the_store_turns_the_index_refusal_into_a_unique_conflict_naming_the_holder() {
        RecordId holder = fx.create("team", Map.of("name", "a"));
        StoredRecord second = StoredRecord.create(
                RecordId.of(UUID.randomUUID()),
                WORKSPACE,
                "team",
                Optional.empty(),
                Map.of("name", "a"),
                List.of(),
                "bob",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        // No check before the insert: the index refuses it.
        ArchivistException refused =
                assertThrows(ArchivistException.class, () -> fx.store.records().insert(second, Map.of("name", "s:a")));
        assertEquals(ErrorCode.UNIQUE_CONFLICT, refused.code());
        assertEquals(holder.toString(), refused.details().get("holder"));
        assertTrue(fx.find(second.id()).isEmpty());
    }

    /** A team document as the store writes it, active or archived, holding {@code name} (or nothing). */
    private StoredRecord record(String name) {
        return StoredRecord.create(
                RecordId.of(UUID.randomUUID()),
                WORKSPACE,
                "team",
                Optional.empty(),
                name == null ? Map.of() : Map.of("name", name),
                List.of(),
                "raw",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private RecordId write(StoredRecord record, boolean active) {
        StoredRecord stored = active
                ? record
                : record.archivedBy(io.archivist.domain.OperationId.of(UUID.randomUUID()), "raw", record.createdAt());
        Map<String, String> values = record.attributes().containsKey("name")
                ? Map.of("name", "s:" + record.attributes().get("name"))
                : Map.of();
        records.insertOne(RecordDocuments.toDocument(stored, values, List.of(), "raw"));
        return record.id();
    }
}
