package io.archivist.adapters.persistence.mongo;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every command the driver sends, by name, in order: what the round-trip tests count. */
final class CommandCounter implements CommandListener {

    private final List<String> commands = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        commands.add(event.getCommandName());
    }

    void reset() {
        commands.clear();
    }

    int count() {
        return commands.size();
    }

    List<String> commands() {
        return List.copyOf(commands);
    }
}
