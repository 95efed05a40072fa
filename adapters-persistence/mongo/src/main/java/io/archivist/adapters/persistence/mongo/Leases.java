package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;

import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code units} collection: one document per workspace that has ever been written, holding
 * its write lease. States: {@code idle}; {@code running} (a unit holds the lease; if it never ends,
 * it is rolled back); {@code committed} (the unit's work is done and only its clean-up remains; it is
 * finished forward). {@code seq} moves on each time a unit ends, so that a reader can tell that no
 * unit ran while it read. Every change is one single-document update, conditional on the owner.
 */
final class Leases {

    static final String IDLE = "idle";
    static final String RUNNING = "running";
    static final String COMMITTED = "committed";

    private static final String STATE = "state";
    private static final String UNIT = "unit";
    private static final String OWNER = "owner";
    private static final String UNTIL = "until";
    private static final String SEQ = "seq";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> units;
    private final Clock clock;
    private final Duration lease;
    final String owner;

    Leases(MongoDatabase db, Clock clock, Duration lease, String owner) {
        this.units = db.getCollection(MongoSchema.UNITS);
        this.clock = clock;
        this.lease = lease;
        this.owner = owner;
    }

    /** A lease document as read; {@code null} fields for a workspace that was never written. */
    record Lease(String workspace, String state, String unit, String owner, Date until, long seq) {

        boolean idle() {
            return IDLE.equals(state);
        }

        boolean sameIdleState(Lease other) {
            return idle() && other.idle() && seq == other.seq;
        }
    }

    Lease read(String workspace) {
        Document document = units.find(Filters.eq(ID, workspace)).first();
        return document == null ? new Lease(workspace, IDLE, null, null, null, 0) : lease(document);
    }

    List<Lease> busy() {
        List<Lease> found = new ArrayList<>();
        units.find(Filters.ne(STATE, IDLE)).forEach(document -> found.add(lease(document)));
        return found;
    }

    /** Takes the idle lease of {@code workspace} for {@code unit}; false when another unit holds it. */
    boolean acquire(String workspace, String unit) {
        try {
            units.findOneAndUpdate(
                    Filters.and(Filters.eq(ID, workspace), Filters.eq(STATE, IDLE)),
                    Updates.combine(
                            Updates.set(STATE, RUNNING),
                            Updates.set(UNIT, unit),
                            Updates.set(OWNER, owner),
                            Updates.set(UNTIL, expiry()),
                            Updates.setOnInsert(SEQ, 0L)),
                    new FindOneAndUpdateOptions().upsert(true));
            return true;
        } catch (MongoServerException e) {
            if (e.getCode() == DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Makes this process the owner of an abandoned unit, unless someone else did first. */
    boolean takeOver(Lease abandoned) {
        Bson sameHolder = Filters.and(
                Filters.eq(ID, abandoned.workspace()),
                Filters.eq(UNIT, abandoned.unit()),
                Filters.eq(OWNER, abandoned.owner()),
                Filters.eq(UNTIL, abandoned.until()));
        return units.updateOne(sameHolder, Updates.combine(Updates.set(OWNER, owner), Updates.set(UNTIL, expiry())))
                        .getMatchedCount()
                == 1;
    }

    boolean renew(String workspace, String unit) {
        return units.updateOne(held(workspace, unit), Updates.set(UNTIL, expiry()))
                        .getMatchedCount()
                == 1;
    }

    /** The commit point of a unit that took before-images: from here on it is finished forward, never rolled back. */
    boolean commit(String workspace, String unit) {
        return units.updateOne(
                                Filters.and(held(workspace, unit), Filters.eq(STATE, RUNNING)),
                                Updates.set(STATE, COMMITTED))
                        .getMatchedCount()
                == 1;
    }

    /** Ends the unit: the workspace is idle again and readers that overlapped it will read again. */
    boolean release(String workspace, String unit) {
        return units.updateOne(
                                held(workspace, unit),
                                Updates.combine(
                                        Updates.set(STATE, IDLE),
                                        Updates.unset(UNIT),
                                        Updates.unset(OWNER),
                                        Updates.unset(UNTIL),
                                        Updates.inc(SEQ, 1L)))
                        .getMatchedCount()
                == 1;
    }

    boolean expired(Lease lease) {
        return lease.until() != null && lease.until().toInstant().isBefore(clock.instant());
    }

    private Bson held(String workspace, String unit) {
        return Filters.and(Filters.eq(ID, workspace), Filters.eq(UNIT, unit), Filters.eq(OWNER, owner));
    }

    private Date expiry() {
        return Date.from(clock.instant().plus(lease));
    }

    private static Lease lease(Document document) {
        Number seq = document.get(SEQ, Number.class);
        return new Lease(
                document.getString(ID),
                Objects.requireNonNullElse(document.getString(STATE), IDLE),
                document.getString(UNIT),
                document.getString(OWNER),
                document.getDate(UNTIL),
                seq == null ? 0 : seq.longValue());
    }
}
