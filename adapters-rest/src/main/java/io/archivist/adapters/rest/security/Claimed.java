package io.archivist.adapters.rest.security;

/** The claims of an Archivist token besides the registered ones ({@code sub}, {@code exp}). */
public final class Claimed {

    /** A JSON array of role names (docs/lifecycle.md#roles); a comma-separated string is not one. */
    public static final String ROLES = "roles";
    /** The workspace every read and write of the token is scoped to. */
    public static final String WORKSPACE = "workspace";

    private Claimed() {}
}
