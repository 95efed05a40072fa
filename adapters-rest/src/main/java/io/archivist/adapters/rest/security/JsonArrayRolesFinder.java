package io.archivist.adapters.rest.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.RolesFinder;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * docs/lifecycle.md#roles: roles are a JSON array of strings. Micronaut would read a plain string as one role, so
 * that {@code "roles": "ADMIN"} or {@code "ADMIN,MEMBER"} might pass; here they grant nothing (403).
 */
@Singleton
@Replaces(DefaultRolesFinder.class)
class JsonArrayRolesFinder implements RolesFinder {

    @Override
    public List<String> resolveRoles(Map<String, Object> attributes) {
        if (attributes == null || !(attributes.get(Claimed.ROLES) instanceof Iterable<?> claimed)) {
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        for (Object role : claimed) {
            if (role instanceof String name) {
                roles.add(name);
            }
        }
        return roles;
    }
}
