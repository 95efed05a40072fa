package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;
import static io.archivist.adapters.persistence.mongo.MongoSchema.UNIT;
import static io.archivist.adapters.persistence.mongo.MongoSchema.WORKSPACE;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import io.archivist.application.port.out.IdempotencyStore;
import io.archivist.application.port.out.RememberedAnswer;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * R10: the first response to each Idempotency-Key. It is written in the unit of the action it answers,
 * so a rolled-back unit takes its remembered response with it.
 */
public final class MongoIdempotencyStore implements IdempotencyStore {

    private static final String ANSWER = "answer";

    private final MongoCollection<Document> responses;
    private final MongoUnitOfWork unitOfWork;

    MongoIdempotencyStore(MongoCollection<Document> responses, MongoUnitOfWork unitOfWork) {
        this.responses = responses;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<RememberedAnswer> find(WorkspaceId workspace, String key, Instant notBefore) {
        Document found = responses
                .find(Filters.and(byKey(workspace, key), Filters.gte("at", Date.from(notBefore))))
                .first();
        return Optional.ofNullable(found).map(MongoIdempotencyStore::answer);
    }

    @Override
    public void remember(WorkspaceId workspace, String key, RememberedAnswer answer) {
        unitOfWork.inUnit(workspace, unit -> {
            Document document = new Document(ID, id(workspace, key))
                    .append(WORKSPACE, workspace.value())
                    .append("key", key)
                    .append("fingerprint", answer.fingerprint())
                    .append(ANSWER, answer.answer())
                    .append("at", Date.from(answer.at()))
                    .append(UNIT, unit.id);
            responses.replaceOne(byKey(workspace, key), document, new ReplaceOptions().upsert(true));
            return null;
        });
    }

    /** Bounded like the JDBC store's; the TTL index on {@code at} is the backstop where no instance runs the job. */
    @Override
    public int forget(Instant answeredBefore, int atMost) {
        Bson expired = Filters.lt("at", Date.from(answeredBefore));
        List<Object> ids = responses
                .find(expired)
                .projection(Projections.include(ID))
                .limit(atMost)
                .map(document -> document.get(ID))
                .into(new ArrayList<>());
        if (ids.isEmpty()) {
            return 0;
        }
        return (int)
                responses.deleteMany(Filters.and(Filters.in(ID, ids), expired)).getDeletedCount();
    }

    private static Bson byKey(WorkspaceId workspace, String key) {
        return Filters.and(Filters.eq(WORKSPACE, workspace.value()), Filters.eq(ID, id(workspace, key)));
    }

    private static String id(WorkspaceId workspace, String key) {
        return workspace.value() + "\n" + key;
    }

    private static RememberedAnswer answer(Document document) {
        return new RememberedAnswer(
                document.getString("fingerprint"),
                answerText(document),
                document.getDate("at").toInstant());
    }

    /**
     * A document written before answers were text (it has a status, a body and headers apart) reads as
     * the REST adapter writes an answer: status line, headers as one JSON object, body; as the JDBC
     * store's migration V7 rewrites its rows. Such documents are gone 24 hours after an upgrade.
     */
    private static String answerText(Document document) {
        String answer = document.getString(ANSWER);
        if (answer != null) {
            return answer;
        }
        Document headers = new Document();
        document.getList("headers", Document.class, List.of())
                .forEach(header -> headers.append(header.getString("name"), header.getString("value")));
        return document.getInteger("status") + "\n" + headers.toJson() + "\n" + document.getString("body");
    }
}
