package io.archivist.adapters.seed;

import static io.archivist.adapters.seed.SeedWorld.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.seed.ImportSeedCommand;
import io.archivist.application.port.in.seed.SeedError;
import io.archivist.application.port.in.seed.SeedError.Code;
import io.archivist.application.port.in.seed.SeedRejectedException;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Role;
import io.archivist.domain.SeedFormat;
import io.archivist.domain.WorkspaceId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/lifecycle.md#seeds: a seed is validated before anything is written; each error names its record's key and position. */
class SeedValidationTest {

    private final SeedWorld world = new SeedWorld();

    @Test
    void s5_an_unknown_type_is_an_error_at_its_record() {
        SeedRejectedException e = world.rejected(
                doc("{\"key\": \"j1\", \"type\": \"journey\"}", "{\"key\": \"x1\", \"type\": \"widget\"}"));
        assertOnly(e, Code.TYPE_NOT_FOUND, "x1", 3, "/records/1");
    }

    @Test
    void s5_a_missing_parent_is_an_error_at_its_dependent() {
        SeedRejectedException e = world.rejected(doc(
                "{\"key\": \"j1\", \"type\": \"journey\"}",
                "{\"key\": \"s1\", \"type\": \"step\", \"parents\": [\"j9\"]}"));
        assertOnly(e, Code.MISSING_PARENT, "s1", 3, "/records/1");
    }

    @Test
    void s5_a_cycle_is_an_error_naming_the_records_in_it() {
        SeedRejectedException e = world.rejected(doc(
                "{\"key\": \"j1\", \"type\": \"journey\", \"parents\": [\"s1\"]}",
                "{\"key\": \"s1\", \"type\": \"step\", \"parents\": [\"j1\"]}"));
        assertEquals(
                List.of(Code.VALIDATION_FAILED, Code.CYCLE),
                e.errors().stream().map(SeedError::code).toList(),
                "a journey may not depend on a step either");
        SeedError cycle = e.errors().get(1);
        assertError(cycle, Code.CYCLE, "j1", 2, "/records/0");
        assertTrue(cycle.message().contains("j1 -> s1 -> j1"), cycle.message());
        assertOnly(
                world.rejected(doc("{\"key\": \"me\", \"type\": \"journey\", \"parents\": [\"me\"]}")),
                Code.CYCLE,
                "me",
                2,
                "/records/0");
    }

    @Test
    void s5_a_parent_listed_after_its_dependent_is_an_error_because_the_import_writes_parents_first() {
        SeedRejectedException e = world.rejected(doc(
                "{\"key\": \"s1\", \"type\": \"step\", \"parents\": [\"j1\"]}",
                "{\"key\": \"j1\", \"type\": \"journey\"}"));
        SeedError error = assertOnly(e, Code.PARENT_LISTED_AFTER, "s1", 2, "/records/0");
        assertTrue(error.message().contains("line 3"), error.message());
    }

    @Test
    void s5_a_duplicate_key_is_an_error_at_its_second_use_whatever_the_types() {
        SeedRejectedException e =
                world.rejected(doc("{\"key\": \"k\", \"type\": \"journey\"}", "{\"key\": \"k\", \"type\": \"tag\"}"));
        SeedError error = assertOnly(e, Code.DUPLICATE_KEY, "k", 3, "/records/1");
        assertTrue(error.message().contains("line 2"), error.message());
    }

    @Test
    void s5_i1_an_active_record_under_an_archived_parent_is_an_error() {
        SeedRejectedException e = world.rejected(doc(
                "{\"key\": \"j1\", \"type\": \"journey\", \"deleted_at\": \"2024-03-01T10:00:00Z\"}",
                "{\"key\": \"s1\", \"type\": \"step\", \"parents\": [\"j1\"]}"));
        assertOnly(e, Code.PARENT_ARCHIVED, "s1", 3, "/records/1");
    }

    @Test
    void s5_r6_unique_values_conflict_among_active_records_only() {
        SeedRejectedException e = world.rejected(doc(
                "{\"key\": \"j1\", \"type\": \"journey\", \"attributes\": {\"slug\": \"on\"}}",
                "{\"key\": \"j2\", \"type\": \"journey\", \"attributes\": {\"slug\": \"on\"}, \"deleted_at\": \"2024-01-01T00:00:00Z\"}",
                "{\"key\": \"j3\", \"type\": \"journey\", \"attributes\": {\"slug\": \"on\"}}"));
        SeedError error = assertOnly(e, Code.UNIQUE_CONFLICT, "j3", 4, "/records/2");
        assertTrue(error.message().contains("'j1'"), error.message());
    }

    @Test
    void s5_r6_a_unique_value_held_by_an_active_record_of_the_workspace_is_an_error() {
        world.importSeed(doc("{\"key\": \"j1\", \"type\": \"journey\", \"attributes\": {\"slug\": \"on\"}}"));
        SeedRejectedException e = world.rejected(doc(
                "{\"key\": \"j1\", \"type\": \"journey\", \"attributes\": {\"slug\": \"on\"}}",
                "{\"key\": \"j2\", \"type\": \"journey\", \"attributes\": {\"slug\": \"on\"}}"));
        assertOnly(e, Code.UNIQUE_CONFLICT, "j2", 3, "/records/1");
        SeedRejectedException fromWorkspace =
                world.rejected(doc("{\"key\": \"j2\", \"type\": \"journey\", \"attributes\": {\"slug\": \"on\"}}"));
        SeedError error = assertOnly(fromWorkspace, Code.UNIQUE_CONFLICT, "j2", 2, "/records/0");
        assertTrue(error.message().contains(world.record("journey", "j1").id().toString()), error.message());
    }

    @Test
    void s5_read_only_fields_are_errors_never_applied() {
        SeedRejectedException e = world.rejected(doc(
                "{\"key\": \"j1\", \"type\": \"journey\", \"id\": \"0190a0a0-0000-7000-8000-000000000000\", \"version\": 3,"
                        + " \"archive_operation\": null, \"created_at\": \"2024-01-01T00:00:00Z\"}"));
        assertEquals(4, e.errorCount());
        e.errors().forEach(error -> assertError(error, Code.READ_ONLY_FIELD, "j1", 2, "/records/0"));
    }

    @Test
    void s5_unknown_fields_are_errors() {
        assertOnly(
                world.rejected(doc("{\"key\": \"s1\", \"type\": \"step\", \"parent\": \"j1\"}")),
                Code.UNKNOWN_FIELD,
                "s1",
                2,
                "/records/0");
    }

    @Test
    void s5_a_bad_deleted_at_is_an_error() {
        SeedRejectedException e = world.rejected(doc(
                "{\"key\": \"a\", \"type\": \"journey\", \"deleted_at\": \"yesterday\"}",
                "{\"key\": \"b\", \"type\": \"journey\", \"deleted_at\": \"2024-03-01\"}",
                "{\"key\": \"c\", \"type\": \"journey\", \"deleted_at\": \"2030-01-01T00:00:00Z\"}",
                "{\"key\": \"d\", \"type\": \"journey\", \"deleted_at\": 1700000000}",
                "{\"key\": \"e\", \"type\": \"tag\", \"deleted_at\": \"2024-03-01T10:00:00Z\"}"));
        assertEquals(5, e.errorCount(), e.errors().toString());
        assertError(e.errors().get(0), Code.BAD_DELETED_AT, "a", 2, "/records/0");
        assertError(e.errors().get(1), Code.BAD_DELETED_AT, "b", 3, "/records/1");
        assertError(e.errors().get(2), Code.BAD_DELETED_AT, "c", 4, "/records/2");
        assertError(e.errors().get(3), Code.BAD_DELETED_AT, "d", 5, "/records/3");
        assertError(e.errors().get(4), Code.ARCHIVE_NOT_SUPPORTED, "e", 6, "/records/4");
    }

    @Test
    void s5_a_parent_of_a_type_the_child_type_does_not_allow_is_an_error() {
        SeedRejectedException e = world.rejected(doc(
                "{\"key\": \"j1\", \"type\": \"journey\"}",
                "{\"key\": \"t1\", \"type\": \"task\", \"parents\": [\"j1\"]}"));
        assertOnly(e, Code.VALIDATION_FAILED, "t1", 3, "/records/1");
    }

    @Test
    void s1_an_object_type_that_breaks_a_catalog_invariant_is_an_error_at_its_pointer() {
        SeedRejectedException e = world.rejected("""
                {"workspace": "acme", "object_types": [
                  {"name": "journey", "archivable": true},
                  {"name": "step", "archivable": false, "parents": ["journey"]}
                ]}
                """);
        assertOnly(e, Code.INVALID_OBJECT_TYPE, "step", 3, "/object_types/1");
    }

    @Test
    void s1_parents_of_a_record_that_exists_are_fixed() {
        world.importSeed(doc(
                "{\"key\": \"j1\", \"type\": \"journey\"}",
                "{\"key\": \"j2\", \"type\": \"journey\"}",
                "{\"key\": \"s1\", \"type\": \"step\", \"parents\": [\"j1\"]}"));
        SeedRejectedException e = world.rejected(doc(
                "{\"key\": \"j1\", \"type\": \"journey\"}",
                "{\"key\": \"j2\", \"type\": \"journey\"}",
                "{\"key\": \"s1\", \"type\": \"step\", \"parents\": [\"j2\"]}"));
        assertOnly(e, Code.PARENTS_CHANGED, "s1", 4, "/records/2");
    }

    @Test
    void s5_a_malformed_seed_is_an_error_at_its_line_after_the_errors_before_it() {
        SeedRejectedException e = world.rejected(doc("{\"key\": \"x\", \"type\": \"widget\"}", "{\"key\": ]"));
        assertEquals(2, e.errorCount(), e.errors().toString());
        assertError(e.errors().get(0), Code.TYPE_NOT_FOUND, "x", 2, "/records/0");
        assertEquals(Code.MALFORMED_SEED, e.errors().get(1).code());
        assertEquals(3, e.errors().get(1).line());
    }

    @Test
    void s5_every_error_is_reported_at_once_and_nothing_is_imported() {
        SeedRejectedException e = world.rejected(doc(
                "{\"key\": \"j1\", \"type\": \"journey\", \"attributes\": {\"slug\": \"on\"}}",
                "{\"key\": \"x1\", \"type\": \"widget\"}",
                "{\"key\": \"s1\", \"type\": \"step\", \"parents\": [\"nope\"]}",
                "{\"key\": \"j1\", \"type\": \"journey\"}",
                "{\"key\": \"j2\", \"type\": \"journey\", \"attributes\": {\"slug\": \"on\"}}"));
        assertEquals(
                List.of(Code.TYPE_NOT_FOUND, Code.DUPLICATE_KEY, Code.UNIQUE_CONFLICT, Code.MISSING_PARENT),
                e.errors().stream().map(SeedError::code).toList());
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(4L, e.details().get("error_count"));
        assertEquals(List.of(), world.all());
        assertEquals(List.of(), world.ports.catalogs().types(SeedWorld.ACME), "not even the seed's types");
    }

    @Test
    void s5_a_dry_run_reports_the_same_errors() {
        String seed = doc("{\"key\": \"x1\", \"type\": \"widget\"}");
        SeedRejectedException e =
                assertThrows(SeedRejectedException.class, () -> world.importSeed(seed, SeedFormat.JSON, true));
        assertOnly(e, Code.TYPE_NOT_FOUND, "x1", 2, "/records/0");
    }

    @Test
    void s5_json_lines_errors_name_the_line() {
        String seed = SeedWorld.lines(
                "{\"workspace\": \"acme\", \"object_types\": " + SeedWorld.TYPES + "}",
                "{\"key\": \"j1\", \"type\": \"journey\"}",
                "{\"key\": \"s1\", \"type\": \"step\", \"parents\": [\"j9\"]}");
        SeedRejectedException e =
                assertThrows(SeedRejectedException.class, () -> world.importSeed(seed, SeedFormat.JSON_LINES, false));
        assertOnly(e, Code.MISSING_PARENT, "s1", 3, "");
    }

    @Test
    void s5_over_the_api_the_seeds_workspace_must_be_the_callers() {
        Caller other = Caller.user("ada", WorkspaceId.of("other"), Set.of(Role.ADMIN));
        SeedRejectedException e = assertThrows(
                SeedRejectedException.class,
                () -> world.importAs(other, doc("{\"key\": \"j1\", \"type\": \"journey\"}")));
        assertOnly(e, Code.WORKSPACE_MISMATCH, null, 1, "/workspace");
    }

    @Test
    void s3_only_admins_import_seeds() {
        for (Role role : List.of(Role.MEMBER, Role.JOURNEY_MANAGER)) {
            Caller caller = Caller.user("mo", SeedWorld.ACME, Set.of(role));
            ArchivistException e = assertThrows(
                    ArchivistException.class,
                    () -> world.importAs(caller, doc("{\"key\": \"j1\", \"type\": \"journey\"}")));
            assertEquals(ErrorCode.FORBIDDEN, e.code());
        }
        assertEquals(List.of(), world.all());
    }

    @Test
    void s5_from_the_command_line_the_seed_must_name_its_workspace_first() {
        SeedRejectedException e = assertThrows(
                SeedRejectedException.class,
                () -> world.seeds.importSeed(ImportSeedCommand.asSeedActor(
                        SeedWorld.source("{\"records\": []}"), SeedFormat.JSON, false, null)));
        assertEquals(Code.VALIDATION_FAILED, e.errors().get(0).code());
        SeedRejectedException bad = assertThrows(
                SeedRejectedException.class,
                () -> world.seeds.importSeed(ImportSeedCommand.asSeedActor(
                        SeedWorld.source("{\"workspace\": \"no spaces\"}"), SeedFormat.JSON, false, null)));
        assertEquals(Code.VALIDATION_FAILED, bad.errors().get(0).code());
    }

    private static SeedError assertOnly(SeedRejectedException e, Code code, String key, long line, String pointer) {
        assertEquals(1, e.errorCount(), e.errors().toString());
        SeedError error = e.errors().get(0);
        assertError(error, code, key, line, pointer);
        return error;
    }

    private static void assertError(SeedError error, Code code, String key, long line, String pointer) {
        assertEquals(code, error.code(), error.toString());
        assertEquals(Optional.ofNullable(key), error.key(), error.toString());
        assertEquals(line, error.line(), error.toString());
        assertEquals(pointer, error.pointer(), error.toString());
    }
}
