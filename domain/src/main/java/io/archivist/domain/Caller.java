package io.archivist.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who asks: the token's {@code sub}, its workspace and its roles, or one of the built-in
 * actors ({@code system} for the retention job, {@code seed} for seeds loaded at start-up or
 * from the command line), which hold every permission.
 */
public record Caller(String actor, WorkspaceId workspace, Set<Role> roles, boolean human) {

    public static final String SYSTEM = "system";
    public static final String SEED = "seed";

    public Caller {
        Objects.requireNonNull(workspace, "workspace");
        if (actor == null || actor.isBlank()) {
            throw ArchivistException.invalid("a caller needs a subject");
        }
        Limits.requireName(actor, "subject");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller user(String sub, WorkspaceId workspace, Set<Role> roles) {
        return new Caller(sub, workspace, roles, true);
    }

    public static Caller system(WorkspaceId workspace) {
        return new Caller(SYSTEM, workspace, Set.of(Role.SUPER_ADMIN), false);
    }

    public static Caller seed(WorkspaceId workspace) {
        return new Caller(SEED, workspace, Set.of(Role.SUPER_ADMIN), false);
    }

    public boolean may(Role.Permission permission) {
        return roles.stream().anyMatch(role -> role.permissions().contains(permission));
    }

    /** docs/lifecycle.md#roles: a role that lacks the permission gets a 403. */
    public void require(Role.Permission permission) {
        if (!may(permission)) {
            throw new ArchivistException(
                    ErrorCode.FORBIDDEN,
                    "roles " + roles + " do not allow "
                            + permission.name().toLowerCase().replace('_', ' '));
        }
    }
}
