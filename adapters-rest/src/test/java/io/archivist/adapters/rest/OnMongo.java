package io.archivist.adapters.rest;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The service on its MongoDB store (ARCHIVIST_STORE=mongo), against an in-process wire-protocol
 * server: the same HTTP tests, run again, show that the API does not depend on the store.
 */
final class OnMongo {

    private static MongoServer server;

    private OnMongo() {
    }

    /** One server for the whole run; each test class gets a database of its own. */
    static synchronized Map<String, String> properties(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        InetSocketAddress address = server.getLocalAddress();
        return Map.of("archivist.store", "mongo",
                "mongodb.uri", "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database,
                "archivist.mongo.sweep-every", "1h");
    }
}
