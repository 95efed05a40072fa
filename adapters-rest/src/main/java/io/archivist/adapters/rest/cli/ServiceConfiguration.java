package io.archivist.adapters.rest.cli;

import io.archivist.adapters.rest.security.KeySettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.nio.file.Path;

/**
 * The service's configuration (application.yml, environment variables, system properties) as the
 * server would read it, without starting any bean: the token command must find the same key.
 */
final class ServiceConfiguration {

    private ServiceConfiguration() {}

    static KeySettings keySettings() {
        Environment environment = ApplicationContext.builder()
                .environments(ArchivistCommand.CLI_ENVIRONMENT)
                .banner(false)
                .build()
                .getEnvironment();
        environment.start();
        try {
            return new KeySettings(
                    environment.getProperty("archivist.jwt.secret", String.class),
                    environment.getProperty("archivist.jwt.jwks-url", String.class),
                    environment.getProperty("archivist.store", String.class).orElse("jdbc"),
                    environment.getProperty("datasources.default.url", String.class),
                    Path.of(environment
                            .getProperty("archivist.data-dir", String.class)
                            .orElse("./data")));
        } finally {
            environment.stop();
        }
    }
}
