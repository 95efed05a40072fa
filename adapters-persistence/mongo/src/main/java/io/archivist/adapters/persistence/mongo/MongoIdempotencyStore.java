package io.archivist.adapters.persistence.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import io.archivist.application.port.in.RememberedResponse;
import io.archivist.application.port.out.IdempotencyStore;
import io.archivist.domain.WorkspaceId;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;
import static io.archivist.adapters.persistence.mongo.MongoSchema.UNIT;
import static io.archivist.adapters.persistence.mongo.MongoSchema.WORKSPACE;

/**
 * R10: the first response to each Idempotency-Key. It is written in the unit of the action it answers,
 * so a rolled-back unit takes its remembered response with it.
 */
public final class MongoIdempotencyStore implements IdempotencyStore {

    private final MongoCollection<Document> responses;
    private final MongoUnitOfWork unitOfWork;

    MongoIdempotencyStore(MongoCollection<Document> responses, MongoUnitOfWork unitOfWork) {
        this.responses = responses;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<RememberedResponse> find(WorkspaceId workspace, String key, Instant notBefore) {
        Document found = responses.find(Filters.and(byKey(workspace, key), Filters.gte("at", Date.from(notBefore)))).first();
        return Optional.ofNullable(found).map(MongoIdempotencyStore::response);
    }

    @Override
    public void remember(WorkspaceId workspace, String key, RememberedResponse response) {
        unitOfWork.inUnit(workspace, unit -> {
            List<Document> headers = new ArrayList<>();
            response.headers().forEach((name, value) -> headers.add(new Document("name", name).append("value", value)));
            Document document = new Document(ID, id(workspace, key)).append(WORKSPACE, workspace.value())
                    .append("key", key).append("fingerprint", response.fingerprint()).append("status", response.status())
                    .append("body", response.body()).append("headers", headers).append("at", Date.from(response.at()))
                    .append(UNIT, unit.id);
            responses.replaceOne(byKey(workspace, key), document, new ReplaceOptions().upsert(true));
            return null;
        });
    }

    /** Bounded like the JDBC store's; the TTL index on {@code at} is the backstop where no instance runs the job. */
    @Override
    public int forget(Instant answeredBefore, int atMost) {
        Bson expired = Filters.lt("at", Date.from(answeredBefore));
        List<Object> ids = responses.find(expired).projection(Projections.include(ID)).limit(atMost)
                .map(document -> document.get(ID)).into(new ArrayList<>());
        if (ids.isEmpty()) {
            return 0;
        }
        return (int) responses.deleteMany(Filters.and(Filters.in(ID, ids), expired)).getDeletedCount();
    }

    private static Bson byKey(WorkspaceId workspace, String key) {
        return Filters.and(Filters.eq(WORKSPACE, workspace.value()), Filters.eq(ID, id(workspace, key)));
    }

    private static String id(WorkspaceId workspace, String key) {
        return workspace.value() + "\n" + key;
    }

    private static RememberedResponse response(Document document) {
        Map<String, String> headers = new LinkedHashMap<>();
        document.getList("headers", Document.class, List.of())
                .forEach(header -> headers.put(header.getString("name"), header.getString("value")));
        return new RememberedResponse(document.getString("fingerprint"), document.getInteger("status"),
                document.getString("body"), headers, document.getDate("at").toInstant());
    }
}
