package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoFixture.ADMIN;
import static io.archivist.adapters.persistence.mongo.MongoFixture.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archivist.application.port.out.RestoreOutline;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.CascadePlanner;
import io.archivist.domain.Catalog;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordId;
import io.archivist.domain.RestorePlan;
import io.archivist.domain.StoredRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R1-R5 on random graphs with diamonds: after every archive, restore and purge, the Mongo store's
 * queries (subtrees by ancestors, the restore set in a bounded number of commands) changed exactly the
 * records the domain's reference planner names, and I1-I3 hold. Seeded, so a failure replays.
 */
class PlannerAgreementIT {

    @RegisterExtension
    static final InProcessMongo server = new InProcessMongo();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void r1_r5_every_cascade_changes_what_the_planner_says(long seed) {
        Random random = new Random(seed);
        try (MongoFixture fx = new MongoFixture(server)) {
            fx.define("team", List.of(), "name");
            fx.define("project", List.of("team"));
            fx.define("task", List.of("project", "team"));
            Map<String, ObjectType> types =
                    fx.catalog.list(ADMIN).stream().collect(Collectors.toMap(ObjectType::name, t -> t));
            Catalog catalog = Catalog.of(types.values());
            List<RecordId> teams = new ArrayList<>();
            List<RecordId> projects = new ArrayList<>();
            for (int step = 0; step < 100; step++) {
                Map<RecordId, StoredRecord> before = Graphs.snapshot(fx.store.records(), WORKSPACE);
                CascadePlanner planner = new CascadePlanner(Graphs.graph(before, types));
                int choice = random.nextInt(10);
                if (choice < 5 || before.size() < 6) {
                    create(fx, random, before, teams, projects);
                } else {
                    // Teams half of the time: their cascades cross the diamonds that make R5 interesting.
                    List<RecordId> liveTeams =
                            teams.stream().filter(before::containsKey).toList();
                    RecordId target = random.nextBoolean() && !liveTeams.isEmpty()
                            ? pick(random, liveTeams)
                            : new ArrayList<>(before.keySet()).get(random.nextInt(before.size()));
                    StoredRecord record = before.get(target);
                    Set<RecordId> expected;
                    if (!record.archived()) {
                        expected = planner.archive(List.of(target)).ids();
                        fx.delete(target);
                        assertChanged(before, fx, expected, "archive of " + target);
                    } else if (choice < 8) {
                        RestorePlan plan = planner.restore(target, catalog);
                        RestoreOutline outline = fx.store.cascades().outlineRestore(WORKSPACE, target, 1000);
                        assertEquals(plan.restored().countsPerType(), outline.countsPerType(), "outline of " + target);
                        assertEquals(ids(plan.leftArchived()), ids(outline.leftArchived()), "left of " + target);
                        boolean parentArchived = record.parents().stream()
                                .anyMatch(p -> before.get(p).archived());
                        try {
                            fx.restore(target);
                            assertChanged(before, fx, plan.restored().ids(), "restore of " + target);
                        } catch (ArchivistException refused) {
                            assertEquals(ErrorCode.PARENT_ARCHIVED, refused.code());
                            assertEquals(true, parentArchived);
                        }
                    } else {
                        expected = planner.purge(List.of(target)).ids();
                        fx.delete(target);
                        Map<RecordId, StoredRecord> after = Graphs.snapshot(fx.store.records(), WORKSPACE);
                        Set<RecordId> gone = new HashSet<>(before.keySet());
                        gone.removeAll(after.keySet());
                        assertEquals(expected, gone, "purge of " + target);
                    }
                }
                Graphs.assertInvariants(Graphs.snapshot(fx.store.records(), WORKSPACE));
            }
        }
    }

    private static void create(
            MongoFixture fx,
            Random random,
            Map<RecordId, StoredRecord> before,
            List<RecordId> teams,
            List<RecordId> projects) {
        List<RecordId> activeTeams = teams.stream()
                .filter(id -> before.containsKey(id) && !before.get(id).archived())
                .toList();
        List<RecordId> activeProjects = projects.stream()
                .filter(id -> before.containsKey(id) && !before.get(id).archived())
                .toList();
        int kind = random.nextInt(3);
        if (kind == 0 || activeTeams.isEmpty()) {
            teams.add(fx.create("team", Map.of("name", "t" + random.nextInt(1_000_000))));
        } else if (kind == 1 || activeProjects.isEmpty()) {
            projects.add(fx.create("project", Map.of(), pick(random, activeTeams)));
        } else {
            fx.create("task", Map.of(), pick(random, activeProjects), pick(random, activeTeams));
        }
    }

    private static RecordId pick(Random random, List<RecordId> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static void assertChanged(
            Map<RecordId, StoredRecord> before, MongoFixture fx, Set<RecordId> expected, String what) {
        Map<RecordId, StoredRecord> after = Graphs.snapshot(fx.store.records(), WORKSPACE);
        Set<RecordId> changed = before.keySet().stream()
                .filter(id -> before.get(id).archived() != after.get(id).archived())
                .collect(Collectors.toSet());
        assertEquals(expected, changed, what);
    }

    private static Set<RecordId> ids(List<LeftArchived> left) {
        return left.stream().map(LeftArchived::id).collect(Collectors.toSet());
    }
}
