package io.archivist.adapters.rest;

import io.archivist.adapters.persistence.mongo.InProcessMongo;
import java.util.Map;

/**
 * The service on its MongoDB store (ARCHIVIST_STORE=mongo), against an in-process wire-protocol
 * server: the same HTTP tests, run again, show that the API does not depend on the store.
 */
final class OnMongo {

    private static InProcessMongo server;

    private OnMongo() {}

    /**
     * One server for the whole run, so that it outlives every service started on it; each test class
     * gets a database of its own.
     */
    static synchronized Map<String, String> properties(String database) {
        if (server == null) {
            server = new InProcessMongo();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return Map.of(
                "archivist.store",
                "mongo",
                "mongodb.uri",
                server.uri() + "/" + database,
                "archivist.mongo.sweep-every",
                "1h");
    }
}
