package io.archivist.adapters.seed;

import static io.archivist.adapters.seed.SeedWorld.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.in.seed.SeedReport;
import io.archivist.application.port.in.seed.SeedReport.Counts;
import io.archivist.domain.Caller;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationKind;
import io.archivist.domain.SeedFormat;
import io.archivist.domain.StoredRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/lifecycle.md#seeds: what an import writes, and what importing again does. */
class SeedImportTest {

    private static final String J2_AT = "2024-03-01T10:00:00Z";
    /** A workspace with an active journey and an archived one: j2, s2 and t2 archived together, t3 earlier on its own. */
    private static final String SEED = doc(
            "{\"key\": \"alice\", \"type\": \"user\", \"attributes\": {\"username\": \"alice\"}}",
            "{\"key\": \"j1\", \"type\": \"journey\", \"attributes\": {\"slug\": \"onboarding\", \"weeks\": 2}}",
            "{\"key\": \"s1\", \"type\": \"step\", \"parents\": [\"j1\"], \"attributes\": {\"title\": \"Welcome\"}}",
            "{\"key\": \"t1\", \"type\": \"task\", \"parents\": [\"s1\"], \"attributes\": {\"code\": \"T1\", \"done\": false}}",
            "{\"key\": \"j2\", \"type\": \"journey\", \"attributes\": {\"slug\": \"offboarding\"}, \"deleted_at\": \""
                    + J2_AT + "\"}",
            "{\"key\": \"s2\", \"type\": \"step\", \"parents\": [\"j2\"], \"deleted_at\": \"" + J2_AT + "\"}",
            "{\"key\": \"t2\", \"type\": \"task\", \"parents\": [\"s2\"], \"attributes\": {\"code\": \"T2\"}, \"deleted_at\": \"2024-03-01T11:00:00+01:00\"}",
            "{\"key\": \"t3\", \"type\": \"task\", \"parents\": [\"s2\"], \"attributes\": {\"code\": \"T1\"}, \"deleted_at\": \"2024-02-01T08:00:00Z\"}");

    private final SeedWorld world = new SeedWorld();

    @Test
    void s5_a_seed_creates_its_types_and_records_with_parents_named_by_key() {
        SeedReport report = world.importSeed(SEED);

        assertEquals(new Counts(4, 0, 0), report.objectTypes());
        assertEquals(
                Map.of(
                        "user",
                        new Counts(1, 0, 0),
                        "journey",
                        new Counts(2, 0, 0),
                        "step",
                        new Counts(2, 0, 0),
                        "task",
                        new Counts(3, 0, 0)),
                report.recordsPerType());
        assertEquals(8, report.records());
        assertEquals(2, report.operationsCreated());
        StoredRecord s1 = world.record("step", "s1");
        assertEquals(List.of(world.record("journey", "j1").id()), s1.parents());
        assertEquals(
                Map.of("slug", "onboarding", "weeks", 2),
                world.record("journey", "j1").attributes());
        assertEquals(1, s1.version());
        assertEquals(Caller.SEED, s1.createdBy());
        assertEquals(SeedWorld.NOW, s1.createdAt());
        assertEquals(
                Set.of("journey", "step", "task", "tag"),
                world.ports.catalogs().types(SeedWorld.ACME).stream()
                        .map(type -> type.name())
                        .collect(Collectors.toSet()));
    }

    @Test
    void s5_a_dry_run_reports_what_the_import_would_do_and_changes_nothing() {
        SeedReport dry = world.importSeed(SEED, SeedFormat.JSON, true);

        assertTrue(dry.dryRun());
        assertEquals(new Counts(3, 0, 0), dry.recordsPerType().get("task"));
        assertEquals(2, dry.operationsCreated());
        assertEquals(List.of(), world.all());
        assertEquals(List.of(), world.ports.catalogs().types(SeedWorld.ACME));
        SeedReport real = world.importSeed(SEED);
        assertEquals(dry.recordsPerType(), real.recordsPerType());
        assertEquals(dry.objectTypes(), real.objectTypes());
    }

    @Test
    void s5_importing_the_same_seed_twice_changes_nothing_the_second_time() {
        world.importSeed(SEED);
        List<StoredRecord> before = world.all();

        SeedReport again = world.importSeed(SEED);

        assertEquals(before, world.all(), "same ids, same versions, same everything");
        assertEquals(new Counts(0, 0, 4), again.objectTypes());
        assertEquals(new Counts(0, 0, 8), again.recordTotals());
        assertEquals(0, again.operationsCreated());
        assertEquals(List.of(), again.warnings());
    }

    @Test
    void s5_a_changed_seed_updates_records_by_key_and_adds_new_ones() {
        world.importSeed(SEED);
        StoredRecord j1 = world.record("journey", "j1");

        SeedReport report = world.importSeed(SEED.replace("\"weeks\": 2", "\"weeks\": 3")
                .replace("]}\n", ",\n{\"key\": \"s3\", \"type\": \"step\", \"parents\": [\"j1\"]}\n]}\n"));

        StoredRecord updated = world.record("journey", "j1");
        assertEquals(j1.id(), updated.id());
        assertEquals(Map.of("slug", "onboarding", "weeks", 3), updated.attributes());
        assertEquals(j1.version() + 1, updated.version());
        assertEquals(new Counts(0, 1, 1), report.recordsPerType().get("journey"));
        assertEquals(new Counts(1, 0, 2), report.recordsPerType().get("step"));
        assertEquals(List.of(updated.id()), world.record("step", "s3").parents());
    }

    @Test
    void s5_records_with_the_same_deleted_at_as_their_nearest_archived_ancestor_share_its_operation() {
        world.importSeed(SEED);
        StoredRecord j2 = world.record("journey", "j2");
        StoredRecord s2 = world.record("step", "s2");
        StoredRecord t2 = world.record("task", "t2");
        StoredRecord t3 = world.record("task", "t3");

        assertEquals(Optional.of(Instant.parse(J2_AT)), j2.deletedAt());
        assertEquals(j2.archiveOperation(), s2.archiveOperation());
        assertEquals(j2.archiveOperation(), t2.archiveOperation(), "10:00Z and 11:00+01:00 are the same time");
        assertNotEquals(j2.archiveOperation(), t3.archiveOperation());
        Operation together = world.ports
                .operations()
                .find(SeedWorld.ACME, j2.archiveOperation().orElseThrow())
                .orElseThrow();
        assertEquals(OperationKind.ARCHIVE, together.kind());
        assertEquals(Caller.SEED, together.actor());
        assertEquals(Instant.parse(J2_AT), together.at());
        assertEquals(List.of(j2.id()), together.roots());
        assertEquals(
                Map.of("journey", 1L, "step", 1L, "task", 1L),
                together.countsPerType().asMap());
        Operation alone = world.ports
                .operations()
                .find(SeedWorld.ACME, t3.archiveOperation().orElseThrow())
                .orElseThrow();
        assertEquals(List.of(t3.id()), alone.roots());
        assertEquals(Map.of("task", 1L), alone.countsPerType().asMap());
    }

    @Test
    void s5_r5_restoring_an_archived_root_of_a_seed_restores_exactly_what_was_archived_with_it() {
        world.importSeed(SEED);
        assertEquals(Set.of("j2", "s2", "t2", "t3"), world.archivedKeys());

        LifecycleResult restored = world.lifecycle.restore(
                LifecycleCommand.of(world.admin, world.record("journey", "j2").id()));

        assertEquals(
                Map.of("journey", 1L, "step", 1L, "task", 1L),
                restored.operation().orElseThrow().countsPerType().asMap());
        assertEquals(Set.of("t3"), world.archivedKeys(), "t3 was archived on its own, earlier");
    }

    @Test
    void
            s5_a_new_archived_record_joins_the_operation_of_an_archived_parent_of_the_workspace_with_the_same_deleted_at() {
        world.importSeed(SEED);
        world.importSeed(
                doc(
                        "{\"key\": \"t9\", \"type\": \"task\", \"parents\": [\"s2\"], \"deleted_at\": \"" + J2_AT
                                + "\"}",
                        "{\"key\": \"t8\", \"type\": \"task\", \"parents\": [\"s2\"], \"deleted_at\": \"2024-01-01T00:00:00Z\"}"));

        assertEquals(
                world.record("step", "s2").archiveOperation(),
                world.record("task", "t9").archiveOperation());
        world.lifecycle.restore(
                LifecycleCommand.of(world.admin, world.record("journey", "j2").id()));
        assertEquals(Set.of("t3", "t8"), world.archivedKeys());
    }

    @Test
    void s5_a_seed_never_archives_or_restores_a_record_that_exists_and_says_so() {
        world.importSeed(SEED);
        world.lifecycle.delete(
                LifecycleCommand.of(world.admin, world.record("journey", "j1").id()));
        world.lifecycle.restore(
                LifecycleCommand.of(world.admin, world.record("journey", "j2").id()));
        List<StoredRecord> before = world.all();

        SeedReport again = world.importSeed(SEED);

        assertEquals(before, world.all());
        assertEquals(new Counts(0, 0, 8), again.recordTotals());
        assertEquals(6, again.warningCount(), again.warnings().toString());
        assertTrue(again.warnings().get(0).contains("[j1]"), again.warnings().toString());
    }

    @Test
    void s5_a_seed_may_name_parents_that_are_records_of_the_workspace() {
        world.importSeed(SEED);
        SeedReport report = world.importSeed(doc("{\"key\": \"s7\", \"type\": \"step\", \"parents\": [\"j1\"]}"));

        assertEquals(Map.of("step", new Counts(1, 0, 0)), report.recordsPerType());
        assertEquals(
                List.of(world.record("journey", "j1").id()),
                world.record("step", "s7").parents());
    }

    @Test
    void s5_over_the_api_the_caller_is_the_actor_and_the_workspace_may_be_left_out() {
        String withoutWorkspace = SEED.replace("\"workspace\": \"acme\", ", "");
        world.importAs(world.admin, withoutWorkspace);

        assertEquals("ada", world.record("journey", "j1").createdBy());
        StoredRecord j2 = world.record("journey", "j2");
        assertEquals(
                "ada",
                world.ports
                        .operations()
                        .find(SeedWorld.ACME, j2.archiveOperation().orElseThrow())
                        .orElseThrow()
                        .actor());
    }

    @Test
    void s5_yaml_and_json_lines_seeds_import_the_same_records() {
        String yaml = """
                workspace: acme
                object_types:
                  - {name: journey, archivable: true, unique: [slug]}
                  - {name: step, archivable: true, parents: [journey]}
                records:
                  - {key: j1, type: journey, attributes: {slug: onboarding, weeks: 2}}
                  - {key: s1, type: step, parents: [j1], attributes: {title: Welcome}}
                  - {key: j2, type: journey, attributes: {slug: offboarding}, deleted_at: 2024-03-01T10:00:00Z}
                """;
        String jsonLines = SeedWorld.lines(
                "{\"workspace\": \"acme\", \"object_types\": [{\"name\": \"journey\", \"archivable\": true, \"unique\": [\"slug\"]},"
                        + " {\"name\": \"step\", \"archivable\": true, \"parents\": [\"journey\"]}]}",
                "{\"key\": \"j1\", \"type\": \"journey\", \"attributes\": {\"slug\": \"onboarding\", \"weeks\": 2}}",
                "{\"key\": \"s1\", \"type\": \"step\", \"parents\": [\"j1\"], \"attributes\": {\"title\": \"Welcome\"}}",
                "{\"key\": \"j2\", \"type\": \"journey\", \"attributes\": {\"slug\": \"offboarding\"}, \"deleted_at\": \"2024-03-01T10:00:00Z\"}");

        world.importSeed(yaml, SeedFormat.YAML, false);
        Map<String, StoredRecord> fromYaml = byKey(world.all());
        SeedReport again = world.importSeed(jsonLines, SeedFormat.JSON_LINES, false);

        assertEquals(new Counts(0, 0, 3), again.recordTotals(), "the same seed in another format");
        assertEquals(fromYaml, byKey(world.all()));
        assertTrue(fromYaml.get("j2").archived());
    }

    private static Map<String, StoredRecord> byKey(List<StoredRecord> records) {
        return records.stream().collect(Collectors.toMap(r -> r.key().orElseThrow(), Function.identity()));
    }
}
