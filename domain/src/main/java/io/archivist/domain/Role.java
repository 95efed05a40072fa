package io.archivist.domain;

import java.util.EnumSet;
import java.util.Set;

/** The roles of docs/lifecycle.md#roles and what each may do. */
public enum Role {
    SUPER_ADMIN,
    ADMIN,
    JOURNEY_MANAGER,
    MEMBER;

    public enum Permission {
        /** Read, create and update records. */
        WRITE_RECORDS,
        /** Archive, restore, purge, bulk, preview. */
        LIFECYCLE,
        /** Define object types, import seeds, read every operation of the workspace. */
        ADMINISTER
    }

    public Set<Permission> permissions() {
        return switch (this) {
            case SUPER_ADMIN, ADMIN -> EnumSet.allOf(Permission.class);
            case JOURNEY_MANAGER -> EnumSet.of(Permission.WRITE_RECORDS, Permission.LIFECYCLE);
            case MEMBER -> EnumSet.of(Permission.WRITE_RECORDS);
        };
    }
}
