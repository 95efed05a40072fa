package io.archivist.adapters.persistence.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The in-process MongoDB wire-protocol server (mongo-java-server) the tests run the real sync driver
 * against. It cannot be unreachable, so these tests never skip, in CI or not.
 */
final class InProcessMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final InetSocketAddress address = server.bind();

    String uri() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    InetSocketAddress address() {
        return address;
    }

    MongoClient client(CommandListener... listeners) {
        return client(uri(), listeners);
    }

    static MongoClient client(String uri, CommandListener... listeners) {
        return client(uri, 2000, listeners);
    }

    /** A client that gives up on an unreachable server after {@code timeoutMillis}. */
    static MongoClient client(String uri, int timeoutMillis, CommandListener... listeners) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .retryReads(false)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeoutMillis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS));
        for (CommandListener listener : listeners) {
            settings.addCommandListener(listener);
        }
        return MongoClients.create(settings.build());
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
