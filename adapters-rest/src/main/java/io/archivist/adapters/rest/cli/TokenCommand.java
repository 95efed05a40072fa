package io.archivist.adapters.rest.cli;

import io.archivist.adapters.rest.security.SigningKeys;
import io.archivist.adapters.rest.security.TokenMinter;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Role;
import io.archivist.domain.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints a token signed with the service's own HS256 key (ARCHIVIST_JWT_SECRET, or the development
 * key of the embedded default), so that a local user can call the API without an identity provider.
 */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Print a signed token for local use: sub, roles, workspace and an expiry.")
public class TokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sub", required = true, description = "the caller's name (the token's sub)")
    String sub;

    @Option(
            names = "--roles",
            required = true,
            split = ",",
            description = "SUPER_ADMIN, ADMIN, JOURNEY_MANAGER and/or MEMBER, comma-separated")
    List<String> roles;

    @Option(names = "--workspace", required = true, description = "the workspace every call is scoped to")
    String workspace;

    @Option(
            names = "--ttl",
            defaultValue = "1h",
            description = "how long it is valid: 30m, 1h, 7d, or ISO-8601 (default 1h)")
    String ttl;

    @Override
    public Integer call() {
        try {
            List<String> unknown = roles.stream()
                    .filter(role ->
                            Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(role)))
                    .toList();
            if (!unknown.isEmpty()) {
                return fail("unknown roles " + unknown + "; the roles are " + Arrays.toString(Role.values()));
            }
            if (sub.isBlank()) {
                return fail("--sub must not be blank");
            }
            WorkspaceId.of(workspace);
            Duration validity = Durations.parse(ttl);
            SigningKeys keys = SigningKeys.resolve(ServiceConfiguration.keySettings());
            if (keys.hs256Secret().isEmpty()) {
                return fail("this service checks RS256 tokens of an identity provider (ARCHIVIST_JWT_JWKS_URL);"
                        + " get tokens from it");
            }
            if (keys.devKeyCreated()) {
                spec.commandLine()
                        .getErr()
                        .println("archivist: created the development signing key "
                                + keys.devKeyFile().orElseThrow());
            }
            spec.commandLine()
                    .getOut()
                    .println(TokenMinter.hs256(
                            keys.hs256Secret().get(), sub, roles, workspace, validity, Instant.now()));
            return 0;
        } catch (SigningKeys.MissingSigningKey | ArchivistException | IllegalArgumentException e) {
            return fail(e.getMessage());
        }
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("archivist token: " + message);
        return 2;
    }
}
