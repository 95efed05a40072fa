package io.archivist.adapters.rest;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;


/** R14 on the Mongo store: when no MongoDB server answers, a request is a 503 with Retry-After, never a 500. */
@MicronautTest
class StoreUnavailableOnMongoApiIT extends ApiTest {

    /** A server of this class's own, since the test stops it. */
    private MongoServer mongo;

    @Override
    Map<String, String> moreProperties() {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            mongo.bind();
        }
        InetSocketAddress address = mongo.getLocalAddress();
        // A short server selection, so that an unreachable server answers in seconds rather than 30.
        return Map.of("archivist.store", "mongo", "archivist.mongo.sweep-every", "1h",
                "mongodb.uri", "mongodb://" + address.getHostString() + ":" + address.getPort()
                        + "/unavailable?serverSelectionTimeoutMS=1500&connectTimeoutMS=1000");
    }

    @AfterAll
    void stopServer() {
        mongo.shutdownNow();
    }

    @Test
    void with_the_server_gone_reads_and_writes_are_503_with_retry_after_and_no_driver_text() {
        Workspace ws = workspace();
        ws.type("note", true);
        String id = ws.create("note", "{}");
        mongo.shutdownNow();

        StoreUnavailableApiIT.assertReadsAndWritesAreUnavailable(api(), ws, id,
                List.of("mongo", "Mongo", "Exception", "com.", "socket"));
    }
}
