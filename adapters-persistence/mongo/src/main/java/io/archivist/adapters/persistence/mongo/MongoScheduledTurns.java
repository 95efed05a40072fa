package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;

import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import io.archivist.application.port.out.ScheduledTurns;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * Turns of once-only work in {@code scheduled_turns}, one document per job, in one single-document write
 * (no transaction needed): an upsert of the job's document on the condition that its turn has run out. When
 * it has not, the condition matches nothing, the upsert tries to insert a second document with the same
 * {@code _id}, and the duplicate key says the turn is someone else's; two instances asking at once are
 * serialised by the document, as the workspace leases are ({@link Leases#acquire}).
 */
final class MongoScheduledTurns implements ScheduledTurns {

    private final MongoCollection<Document> turns;

    MongoScheduledTurns(MongoCollection<Document> turns) {
        this.turns = turns;
    }

    @Override
    public boolean take(String job, String holder, Instant now, Duration length) {
        return MongoUnitOfWork.reachable(() -> {
            try {
                turns.findOneAndUpdate(
                        Filters.and(Filters.eq(ID, job), Filters.lte("turnEnds", Date.from(now))),
                        Updates.combine(
                                Updates.set("holder", holder),
                                Updates.set("takenAt", Date.from(now)),
                                Updates.set("turnEnds", Date.from(now.plus(length)))),
                        new FindOneAndUpdateOptions().upsert(true));
                return true;
            } catch (MongoServerException e) {
                if (Duplicates.isDuplicate(e)) {
                    return false;
                }
                throw e;
            }
        });
    }
}
