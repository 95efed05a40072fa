package io.archivist.adapters.rest.security;

import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Limits;
import io.archivist.domain.Role;
import io.archivist.domain.WorkspaceId;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a checked token says the caller is: its {@code sub}, its {@code workspace} (which scopes every
 * read and write) and its roles. A token that names no workspace or no role of docs/lifecycle.md#roles may do nothing (403).
 */
@Singleton
public class Callers {

    private static final Set<String> RESERVED_ACTORS = Set.of(Caller.SYSTEM, Caller.SEED);
    /** Any kind of space, so that "system ", " Seed" or "sys tem" are the reserved names too. */
    private static final Pattern SPACING = Pattern.compile("[\\s\\p{Z}\\p{Cf}]+");

    public Caller of(Authentication authentication) {
        Object workspace = authentication.getAttributes().get(Claimed.WORKSPACE);
        if (!(workspace instanceof String name) || name.isBlank()) {
            throw new ArchivistException(ErrorCode.FORBIDDEN, "the token has no 'workspace' claim");
        }
        WorkspaceId workspaceId;
        try {
            workspaceId = WorkspaceId.of(name);
        } catch (ArchivistException invalid) {
            throw new ArchivistException(
                    ErrorCode.FORBIDDEN, "the token's workspace is not valid: " + invalid.getMessage());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : authentication.getRoles()) {
            Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).forEach(roles::add);
        }
        if (roles.isEmpty()) {
            throw new ArchivistException(
                    ErrorCode.FORBIDDEN,
                    "the token grants no role: 'roles' must be a JSON array"
                            + " naming SUPER_ADMIN, ADMIN, JOURNEY_MANAGER or MEMBER");
        }
        return Caller.user(subject(authentication.getName()), workspaceId, roles);
    }

    /** docs/lifecycle.md#roles: every rule on the token's {@code sub}, in one place. */
    static String subject(String sub) {
        if (sub.chars().anyMatch(Character::isISOControl)) {
            // A control character could forge a line of the log or split an Idempotency-Key's scope.
            throw new ArchivistException(ErrorCode.FORBIDDEN, "the token's 'sub' contains a control character");
        }
        if (RESERVED_ACTORS.contains(SPACING.matcher(sub).replaceAll("").toLowerCase(Locale.ROOT))) {
            // The operation log must tell the retention job and seed imports from people, in any spelling.
            throw new ArchivistException(
                    ErrorCode.FORBIDDEN,
                    "the subject '" + Limits.quote(sub.strip()) + "' is reserved for the service's own actors");
        }
        return sub;
    }
}
