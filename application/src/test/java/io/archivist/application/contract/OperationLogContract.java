package io.archivist.application.contract;

import static io.archivist.application.contract.KitTypes.archivable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.BulkCommand.Action;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.OperationQuery;
import io.archivist.application.port.in.OperationQuery.Listed;
import io.archivist.application.port.in.OperationQuery.OperationPage;
import io.archivist.application.port.in.OperationQuery.StillArchived;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.seed.SeedItem;
import io.archivist.application.port.out.seed.SeedPosition;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.NamedRecord;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationFilter;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The operation log as a keyset page (GET /operations, docs/api.md): newest first, by kind and actor, and
 * the archive operations that still hold archived records with how many, their roots and retention. Every
 * store keeps how many records each archive operation holds (OperationLog); these tests hold that count to
 * the records themselves after every kind of change ({@link #assertCountsAreTheRecords}).
 */
public interface OperationLogContract extends StoreContractSupport {

    // ---- the whole log ---------------------------------------------------------------------------

    @Test
    default void the_log_pages_every_operation_newest_first_with_a_cursor() {
        Tree tree = tree();
        Operation archiveComment = archive(tree.comment()).operation().orElseThrow();
        Operation restoreComment = restore(tree.comment()).operation().orElseThrow();
        Operation archiveAccount = delete(tree.account()).operation().orElseThrow();
        Operation purgeAccount = delete(tree.account()).operation().orElseThrow();
        Operation archiveOther = archive(account()).operation().orElseThrow();

        List<OperationPage> pages = pages(admin(), OperationFilter.all(), 2);

        assertEquals(
                List.of(2, 2, 1),
                pages.stream().map(page -> page.items().size()).toList());
        assertEquals(
                List.of(archiveOther, purgeAccount, archiveAccount, restoreComment, archiveComment),
                operationsOf(pages));
        assertTrue(pages.stream()
                .allMatch(page -> page.items().stream()
                        .allMatch(listed -> listed.archive().isEmpty())));
        assertEquals(Optional.empty(), pages.get(2).nextCursor());
        assertEquals(
                List.of(archiveOther, purgeAccount, archiveAccount, restoreComment, archiveComment),
                log(admin(), OperationFilter.all()),
                "one page of all");
    }

    @Test
    default void the_log_is_filtered_by_kind_and_by_actor() {
        RecordId mine = account();
        RecordId theirs = account();
        Operation archiveMine = archive(mine).operation().orElseThrow();
        Operation archiveTheirs = noted(lifecycle().archive(LifecycleCommand.of(admin(), theirs)))
                .operation()
                .orElseThrow();
        Operation restoreMine = restore(mine).operation().orElseThrow();

        assertEquals(List.of(archiveTheirs, archiveMine), log(admin(), kind(OperationKind.ARCHIVE)));
        assertEquals(List.of(restoreMine), log(admin(), kind(OperationKind.RESTORE)));
        assertEquals(List.of(), log(admin(), kind(OperationKind.PURGE)));
        assertEquals(List.of(archiveTheirs), log(admin(), OperationFilter.all().ofActor(admin().actor())));
        assertEquals(
                List.of(archiveMine),
                log(admin(), kind(OperationKind.ARCHIVE).ofActor(manager().actor())));
        assertEquals(
                List.of(restoreMine, archiveMine),
                log(admin(), OperationFilter.all().ofActor(manager().actor())));
    }

    @Test
    default void other_roles_than_admins_page_their_own_operations_and_ask_for_nobody_else() {
        Operation mine = archive(account()).operation().orElseThrow();
        noted(lifecycle().archive(LifecycleCommand.of(admin(), account())));

        assertEquals(List.of(mine), log(manager(), OperationFilter.all()));
        assertEquals(List.of(mine), log(manager(), OperationFilter.restorableOnly()));
        assertEquals(
                List.of(mine),
                log(manager(), OperationFilter.all().ofActor(manager().actor())));
        assertEquals(List.of(), log(member(), OperationFilter.all()), "a member has run no operation");
        ArchivistException refusal = refused(
                ErrorCode.FORBIDDEN,
                () -> operations()
                        .list(manager(), OperationFilter.all().ofActor(admin().actor()), 10, Optional.empty()));
        assertFalse(refusal.getMessage().contains(admin().actor()), "a 403 never names another actor");
    }

    @Test
    default void a_page_is_bounded_and_a_cursor_is_one_the_service_gave_out() {
        archive(account());

        refused(
                ErrorCode.VALIDATION_FAILED,
                () -> operations().list(admin(), OperationFilter.all(), 0, Optional.empty()));
        refused(
                ErrorCode.VALIDATION_FAILED,
                () -> operations().list(admin(), OperationFilter.all(), 501, Optional.empty()));
        refused(
                ErrorCode.VALIDATION_FAILED,
                () -> operations().list(admin(), OperationFilter.all(), 10, Optional.of("not-a-cursor")));
    }

    @Test
    default void the_log_of_another_workspace_is_not_seen() {
        archive(account());
        Caller stranger = managerOfAnotherWorkspace();

        assertEquals(List.of(), log(stranger, OperationFilter.all()));
        assertEquals(List.of(), log(stranger, OperationFilter.restorableOnly()));
    }

    // ---- restorable: the archive, grouped by what was archived together --------------------------

    @Test
    default void restorable_lists_the_archive_operations_that_still_hold_records_with_what_they_hold() {
        Tree whole = tree();
        Operation wholeArchive = delete(whole.account()).operation().orElseThrow();
        Tree undone = tree();
        delete(undone.account());
        restore(undone.account());
        RecordId destroyed = account();
        delete(destroyed);
        delete(destroyed);
        // R5's exception: the project comes back, its task and comment stay archived with it operation.
        Tree split = tree();
        Operation byProject = archive(split.project()).operation().orElseThrow();
        Operation byLabel = archive(split.label()).operation().orElseThrow();
        restore(split.project());

        List<Listed> restorable = listed(admin(), OperationFilter.restorableOnly());

        assertEquals(
                List.of(byLabel, byProject, wholeArchive),
                restorable.stream().map(Listed::operation).toList());
        assertEquals(
                List.of(1L, 2L, 5L),
                restorable.stream()
                        .map(l -> l.archive().orElseThrow().records())
                        .toList());
        assertEquals(
                List.of(named(split.label())),
                restorable.get(0).archive().orElseThrow().roots());
        assertEquals(List.of(), restorable.get(1).archive().orElseThrow().roots(), "its root came back");
        assertEquals(
                List.of(named(whole.account())),
                restorable.get(2).archive().orElseThrow().roots());
        assertTrue(restorable.stream()
                .allMatch(l -> l.archive().orElseThrow().purgeAfter().isEmpty()));
        assertCountsAreTheRecords();
    }

    @Test
    default void restorable_names_those_of_an_operations_first_roots_it_still_holds_in_their_order() {
        RecordId[] roots = new RecordId[OperationQuery.NAMED_ROOTS + 3];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = account();
        }
        Operation many = bulk(Action.ARCHIVE, false, roots).operations().get(0);
        Operation other = archive(tree().account()).operation().orElseThrow();
        bulk(Action.RESTORE, false, roots[1], roots[OperationQuery.NAMED_ROOTS + 1]);

        List<Listed> restorable = listed(admin(), OperationFilter.restorableOnly());

        assertEquals(
                List.of(other, many), restorable.stream().map(Listed::operation).toList());
        List<NamedRecord> named = new ArrayList<>();
        for (int i = 0; i < OperationQuery.NAMED_ROOTS; i++) {
            if (i != 1) {
                named.add(named(roots[i]));
            }
        }
        StillArchived held = restorable.get(1).archive().orElseThrow();
        assertEquals(named, held.roots(), "the first roots it holds, in order; not the later ones, not the one back");
        assertEquals(roots.length - 2, held.records());
        assertEquals(1, restorable.get(0).archive().orElseThrow().roots().size(), "the other operation's own root");
        assertCountsAreTheRecords();
    }

    @Test
    default void a_purge_takes_its_records_off_every_archive_operation_that_held_them() {
        Tree tree = tree();
        archive(tree.comment());
        archive(tree.account());
        assertEquals(2, log(admin(), OperationFilter.restorableOnly()).size());

        delete(tree.account());

        assertEquals(List.of(), log(admin(), OperationFilter.restorableOnly()));
        assertCountsAreTheRecords();
    }

    @Test
    default void the_counts_follow_bulk_requests() {
        RecordId first = account();
        RecordId second = account();
        RecordId third = account();
        Operation both = bulk(Action.ARCHIVE, false, first, second).operations().get(0);
        assertEquals(List.of(2L), stillArchived(OperationFilter.restorableOnly()));

        bulk(Action.RESTORE, false, first);
        assertEquals(List.of(1L), stillArchived(OperationFilter.restorableOnly()));

        Operation thirdArchived = bulk(Action.DELETE, false, second, third).operations().stream()
                .filter(operation -> operation.kind() == OperationKind.ARCHIVE)
                .findFirst()
                .orElseThrow();
        assertEquals(List.of(thirdArchived), log(admin(), OperationFilter.restorableOnly()));
        assertFalse(log(admin(), OperationFilter.restorableOnly()).contains(both));
        assertCountsAreTheRecords();
    }

    @Test
    default void restorable_says_when_the_retention_job_starts_on_an_operation_and_the_job_empties_it() {
        catalog()
                .define(
                        admin(),
                        archivable("memo").withRetention("PT2H").type().withTitleAttribute(Optional.of("subject")));
        catalog()
                .define(
                        admin(),
                        archivable("memo_note", "memo").withRetention("PT1H").type());
        RecordId memo = a("memo").with("subject", "Quarterly plan").create();
        a("memo_note").under(memo).create();
        Operation archived = archive(memo).operation().orElseThrow();
        archive(account());

        List<Listed> restorable = listed(admin(), OperationFilter.restorableOnly());

        assertEquals(Optional.empty(), restorable.get(0).archive().orElseThrow().purgeAfter(), "an account has none");
        assertEquals(
                Optional.of(archived.at().plus(Duration.ofHours(1))),
                restorable.get(1).archive().orElseThrow().purgeAfter(),
                "the shortest retention of the types it archived");
        assertEquals(
                List.of(new NamedRecord(memo, "memo", Optional.empty(), "Quarterly plan")),
                restorable.get(1).archive().orElseThrow().roots(),
                "a root named by its type's title attribute");
        clock().advance(Duration.ofHours(3));
        purgeExpired();
        assertEquals(1, log(admin(), OperationFilter.restorableOnly()).size());
        assertCountsAreTheRecords();
    }

    @Test
    default void restorable_pages_by_cursor_and_by_actor() {
        List<Operation> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(0, archive(account()).operation().orElseThrow());
        }
        Operation theirs = noted(lifecycle().archive(LifecycleCommand.of(admin(), account())))
                .operation()
                .orElseThrow();

        List<OperationPage> pages = pages(manager(), OperationFilter.restorableOnly(), 2);
        assertEquals(mine, operationsOf(pages));
        assertEquals(2, pages.size());
        assertEquals(
                List.of(theirs), log(admin(), OperationFilter.restorableOnly().ofActor(admin().actor())));
        assertEquals(
                List.of(), log(admin(), new OperationFilter(Optional.of(OperationKind.PURGE), Optional.empty(), true)));
    }

    @Test
    default void a_seeds_records_imported_archived_count_for_the_operation_they_join_or_make() {
        RecordId account = a(ACCOUNT).key("acme").create();
        Operation archived = archive(account).operation().orElseThrow();
        List<SeedItem> seed = List.of(
                new SeedItem.WorkspaceEntry(workspace().value(), new SeedPosition(1, "/workspace")),
                archivedInSeed("joins", "acme", archived.at(), 2),
                archivedInSeed("apart", "acme", archived.at().minusSeconds(60), 3));

        ports().seedImportService(TypeSeeds.reader(seed)).importSeed(TypeSeeds.command());
        ledger().created(PROJECT);
        ledger().created(PROJECT);

        List<Listed> restorable = listed(admin(), OperationFilter.restorableOnly());
        assertEquals(2, restorable.size());
        assertEquals(archived, restorable.get(1).operation());
        assertEquals(2, restorable.get(1).archive().orElseThrow().records(), "the account and the project joining it");
        assertEquals(1, restorable.get(0).archive().orElseThrow().records(), "an operation of its own");
        assertCountsAreTheRecords();
    }

    private static SeedItem archivedInSeed(String key, String parent, java.time.Instant deletedAt, int line) {
        return new SeedItem.RecordEntry(
                key,
                PROJECT,
                Map.of(),
                List.of(parent),
                Optional.of(deletedAt.toString()),
                java.util.Set.of(),
                List.of(),
                new SeedPosition(line, "/records/" + (line - 2)));
    }

    @Test
    default void a_unit_of_work_that_fails_leaves_the_counts_as_they_were() {
        Tree tree = tree();
        archive(tree.comment());
        Operation archived = archive(tree.account()).operation().orElseThrow();
        class Abandon extends RuntimeException {}

        assertThrows(
                Abandon.class,
                () -> ports().unitOfWork().write(workspace(), () -> {
                    lifecycle().restore(LifecycleCommand.of(manager(), tree.account()));
                    throw new Abandon();
                }));
        assertThrows(
                Abandon.class,
                () -> ports().unitOfWork().write(workspace(), () -> {
                    lifecycle().delete(LifecycleCommand.of(manager(), tree.account()));
                    throw new Abandon();
                }));

        assertEquals(List.of(4L, 1L), stillArchived(OperationFilter.restorableOnly()));
        assertEquals(archived, log(admin(), OperationFilter.restorableOnly()).get(0));
        assertCountsAreTheRecords();
    }

    /** Random archives, restores, purges and bulk requests over one graph: the counts stay the records'. */
    @Test
    default void randomized_histories_keep_the_count_of_every_archive_operation() {
        long seed = Seeds.seed();
        java.util.Random random = new java.util.Random(seed);
        List<RecordId> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            all.addAll(tree().all());
        }
        try {
            for (int step = 0; step < 40; step++) {
                RecordId id = all.get(random.nextInt(all.size()));
                Optional<StoredRecord> record = find(id);
                if (record.isEmpty()) {
                    continue;
                }
                try {
                    switch (random.nextInt(4)) {
                        case 0 -> archive(id);
                        case 1 -> restore(id);
                        case 2 -> delete(id);
                        default ->
                            bulk(
                                    random.nextBoolean() ? Action.ARCHIVE : Action.RESTORE,
                                    false,
                                    id,
                                    all.get(random.nextInt(all.size())));
                    }
                } catch (ArchivistException refused) {
                    // a refusal changes nothing, which the counts must show too
                }
                if (step % 5 == 4) {
                    assertCountsAreTheRecords();
                }
            }
            assertCountsAreTheRecords();
        } catch (AssertionError | RuntimeException e) {
            throw Seeds.failure(seed, "a randomized history", e);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    default OperationFilter kind(OperationKind kind) {
        return new OperationFilter(Optional.of(kind), Optional.empty(), false);
    }

    /** Every page of {@code filter}, following the cursors. */
    default List<OperationPage> pages(Caller caller, OperationFilter filter, int limit) {
        List<OperationPage> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            OperationPage page = operations().list(caller, filter, limit, cursor);
            pages.add(page);
            cursor = page.nextCursor();
        } while (cursor.isPresent() && pages.size() < 100);
        return pages;
    }

    default List<Operation> operationsOf(List<OperationPage> pages) {
        return pages.stream()
                .flatMap(page -> page.items().stream())
                .map(Listed::operation)
                .toList();
    }

    /** One page of up to 500 as {@code caller} sees it. */
    default List<Listed> listed(Caller caller, OperationFilter filter) {
        OperationPage page = operations().list(caller, filter, 500, Optional.empty());
        assertEquals(Optional.empty(), page.nextCursor());
        return page.items();
    }

    default List<Operation> log(Caller caller, OperationFilter filter) {
        return listed(caller, filter).stream().map(Listed::operation).toList();
    }

    default List<Long> stillArchived(OperationFilter filter) {
        return listed(admin(), filter).stream()
                .map(listed -> listed.archive().map(StillArchived::records).orElseThrow())
                .toList();
    }

    default NamedRecord named(RecordId id) {
        StoredRecord record = stored(id);
        return new NamedRecord(
                id, record.type(), record.key(), snapshot().catalog().titleOf(record));
    }

    /**
     * Every archive operation in the log holds as many records as carry its id, no other operation holds
     * any, and the restorable ones are exactly those that hold some, newest first: read through the port.
     */
    default void assertCountsAreTheRecords() {
        Map<OperationId, Long> carried = snapshot().records().values().stream()
                .filter(record -> record.archiveOperation().isPresent())
                .collect(Collectors.groupingBy(
                        record -> record.archiveOperation().get(), Collectors.counting()));
        List<OperationLog.Logged> logged = new ArrayList<>();
        Optional<OperationId> before = Optional.empty();
        List<OperationLog.Logged> page;
        do {
            page = ports().operations().page(workspace(), OperationFilter.all(), before, 100);
            logged.addAll(page);
            before = page.isEmpty()
                    ? before
                    : Optional.of(page.get(page.size() - 1).operation().id());
        } while (page.size() == 100);
        for (OperationLog.Logged each : logged) {
            assertEquals(
                    carried.getOrDefault(each.operation().id(), 0L),
                    each.stillArchived(),
                    "records still archived by " + each.operation().kind() + " "
                            + each.operation().id());
        }
        List<OperationId> holding = logged.stream()
                .filter(each -> each.stillArchived() > 0)
                .map(each -> each.operation().id())
                .toList();
        assertEquals(
                holding,
                log(admin(), OperationFilter.restorableOnly()).stream()
                        .map(Operation::id)
                        .toList());
        assertEquals(
                logged.stream()
                        .map(each -> each.operation().id())
                        .sorted(Comparator.comparing((OperationId id) -> RecordId.of(id.value()))
                                .reversed())
                        .toList(),
                logged.stream().map(each -> each.operation().id()).toList(),
                "newest first: ids in descending order");
    }
}
