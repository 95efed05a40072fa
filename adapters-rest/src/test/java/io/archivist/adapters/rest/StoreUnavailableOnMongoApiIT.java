package io.archivist.adapters.rest;

import io.archivist.adapters.persistence.mongo.InProcessMongo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** R14 on the Mongo store: when no MongoDB server answers, a request is a 503 with Retry-After, never a 500. */
class StoreUnavailableOnMongoApiIT extends ApiTest {

    /** A server of this class's own, since the test stops it. */
    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    @Override
    Map<String, String> moreProperties() {
        // A short server selection, so that an unreachable server answers in seconds rather than 30.
        return Map.of(
                "archivist.store",
                "mongo",
                "archivist.mongo.sweep-every",
                "1h",
                "mongodb.uri",
                mongo.uri() + "/unavailable?serverSelectionTimeoutMS=1500&connectTimeoutMS=1000");
    }

    @Test
    void with_the_server_gone_reads_and_writes_are_503_with_retry_after_and_no_driver_text() {
        Workspace ws = workspace();
        ws.type("note", true);
        String id = ws.create("note", "{}");
        mongo.close();

        StoreUnavailableApiIT.assertReadsAndWritesAreUnavailable(
                api(), ws, id, List.of("mongo", "Mongo", "Exception", "com.", "socket"));
    }
}
