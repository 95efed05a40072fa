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
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The in-process MongoDB wire-protocol server (mongo-java-server) the tests run the real sync driver
 * against. It cannot be unreachable, so these tests never skip, in CI or not.
 * <p>
 * A test class registers one for all its tests, and it stops after them:
 * <pre>
 * &#64;RegisterExtension
 * static final InProcessMongo server = new InProcessMongo();
 * </pre>
 * The server listens from the moment it is made, so that a test class can name it in the properties
 * it gives before any callback has run; {@link #close()} stops it earlier where a test needs that.
 */
public final class InProcessMongo implements AfterAllCallback, AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final InetSocketAddress address = server.bind();

    public String uri() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public InetSocketAddress address() {
        return address;
    }

    public MongoClient client(CommandListener... listeners) {
        return client(uri(), listeners);
    }

    public static MongoClient client(String uri, CommandListener... listeners) {
        return client(uri, 2000, listeners);
    }

    /** A client that gives up on an unreachable server after {@code timeoutMillis}. */
    public static MongoClient client(String uri, int timeoutMillis, CommandListener... listeners) {
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
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
