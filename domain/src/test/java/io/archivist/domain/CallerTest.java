package io.archivist.domain;

import static io.archivist.domain.Role.Permission.ADMINISTER;
import static io.archivist.domain.Role.Permission.LIFECYCLE;
import static io.archivist.domain.Role.Permission.WRITE_RECORDS;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/lifecycle.md#roles: what each role may do; a missing permission is a 403 (FORBIDDEN). */
class CallerTest {

    private static Caller with(Role... roles) {
        return Caller.user("ann@acme", TestGraph.WORKSPACE, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
    }

    @ParameterizedTest
    @CsvSource({
        // role,          write records, lifecycle, administer
        "SUPER_ADMIN,     true,          true,      true",
        "ADMIN,           true,          true,      true",
        "JOURNEY_MANAGER, true,          true,      false",
        "MEMBER,          true,          false,     false"
    })
    void s3_each_role_has_its_permissions(Role role, boolean write, boolean lifecycle, boolean administer) {
        Caller caller = with(role);
        assertEquals(write, caller.may(WRITE_RECORDS));
        assertEquals(lifecycle, caller.may(LIFECYCLE));
        assertEquals(administer, caller.may(ADMINISTER));
    }

    @Test
    void s3_a_member_archiving_is_forbidden_naming_what_it_may_not_do() {
        ArchivistException e =
                assertThrows(ArchivistException.class, () -> with(Role.MEMBER).require(LIFECYCLE));
        assertEquals(ErrorCode.FORBIDDEN, e.code());
        assertTrue(e.getMessage().contains("lifecycle") && e.getMessage().contains("MEMBER"), e.getMessage());
        assertDoesNotThrow(() -> with(Role.MEMBER).require(WRITE_RECORDS));
    }

    @Test
    void s3_a_journey_manager_may_not_define_types_or_import_seeds() {
        assertEquals(
                ErrorCode.FORBIDDEN,
                assertThrows(
                                ArchivistException.class,
                                () -> with(Role.JOURNEY_MANAGER).require(ADMINISTER))
                        .code());
    }

    @Test
    void s3_no_roles_may_do_nothing() {
        Caller caller = with();
        for (Role.Permission permission : Role.Permission.values()) {
            assertFalse(caller.may(permission), permission::name);
            assertThrows(ArchivistException.class, () -> caller.require(permission));
        }
    }

    @Test
    void s3_permissions_add_up_across_roles() {
        Caller caller = with(Role.MEMBER, Role.JOURNEY_MANAGER);
        assertTrue(caller.may(LIFECYCLE));
        assertFalse(caller.may(ADMINISTER));
    }

    @Test
    void s2_the_retention_job_and_seeds_act_as_built_in_actors_with_every_permission() {
        for (Caller builtIn : new Caller[] {Caller.system(TestGraph.WORKSPACE), Caller.seed(TestGraph.WORKSPACE)}) {
            assertFalse(builtIn.human());
            for (Role.Permission permission : Role.Permission.values()) {
                assertTrue(builtIn.may(permission), builtIn.actor() + " " + permission);
            }
        }
        assertEquals("system", Caller.system(TestGraph.WORKSPACE).actor());
        assertEquals("seed", Caller.seed(TestGraph.WORKSPACE).actor());
        assertTrue(with(Role.ADMIN).human());
    }

    @Test
    void s3_a_caller_without_a_subject_is_refused() {
        for (String sub : new String[] {null, "", "  "}) {
            ArchivistException e = assertThrows(
                    ArchivistException.class, () -> Caller.user(sub, TestGraph.WORKSPACE, Set.of(Role.ADMIN)));
            assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        }
    }

    @Test
    void s3_the_roles_of_a_caller_cannot_change_afterwards() {
        Set<Role> roles = EnumSet.of(Role.MEMBER);
        Caller caller = Caller.user("ann@acme", TestGraph.WORKSPACE, roles);
        roles.add(Role.SUPER_ADMIN);
        assertFalse(caller.may(ADMINISTER));
        assertThrows(UnsupportedOperationException.class, () -> caller.roles().add(Role.ADMIN));
    }
}
