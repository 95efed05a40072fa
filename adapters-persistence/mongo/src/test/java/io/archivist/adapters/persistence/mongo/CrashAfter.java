package io.archivist.adapters.persistence.mongo;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Kills the process (pulls the proxy's switch) just before the command that follows the first
 * {@code k} commands of the armed thread: those k reached the database, nothing after them does.
 * Commands of other threads (the lease heartbeat) are neither counted nor stopped.
 */
final class CrashAfter implements CommandListener {

    /** One command as sent: its name, its collection, and its text. */
    record Sent(String name, String collection, String text) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile Thread armed;
    private volatile int k = Integer.MAX_VALUE;
    private volatile KillSwitchProxy proxy;

    void arm(KillSwitchProxy target, int commands) {
        sent.clear();
        proxy = target;
        k = commands;
        armed = Thread.currentThread();
    }

    void disarm() {
        armed = null;
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (Thread.currentThread() != armed) {
            return;
        }
        if (sent.size() >= k) {
            proxy.kill();
            return;
        }
        String collection = event.getCommand().isString(event.getCommandName())
                ? event.getCommand().getString(event.getCommandName()).getValue()
                : "";
        sent.add(new Sent(event.getCommandName(), collection, event.getCommand().toJson()));
    }
}
