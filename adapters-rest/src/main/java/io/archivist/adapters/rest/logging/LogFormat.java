package io.archivist.adapters.rest.logging;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ARCHIVIST_LOG_FORMAT is read by logback itself (logback.xml), before the service starts; logback falls back to
 * text for a value it does not know and cannot say so. This says so, once the service starts.
 */
@Singleton
public class LogFormat implements ApplicationEventListener<StartupEvent> {

    static final String VARIABLE = "ARCHIVIST_LOG_FORMAT";
    static final Set<String> KNOWN = Set.of("text", "json");
    private static final Logger LOG = LoggerFactory.getLogger(LogFormat.class);

    @Override
    public void onApplicationEvent(StartupEvent event) {
        configured()
                .filter(format -> !KNOWN.contains(format))
                .ifPresent(format -> LOG.warn("{}={} is neither text nor json: the log is text", VARIABLE, format));
    }

    /** As logback looks it up: a system property first, then the environment. */
    static Optional<String> configured() {
        return Optional.ofNullable(System.getProperty(VARIABLE)).or(() -> Optional.ofNullable(System.getenv(VARIABLE)));
    }
}
