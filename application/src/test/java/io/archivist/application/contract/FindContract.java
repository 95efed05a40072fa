package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.BulkCommand;
import io.archivist.application.port.in.CreateRecordCommand;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.ListRecordsQuery.RecordPage;
import io.archivist.application.port.in.UpdateRecordCommand;
import io.archivist.domain.Caller;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordFilter.ArchivedFilter;
import io.archivist.domain.RecordFilter.Sort;
import io.archivist.domain.RecordId;
import io.archivist.domain.Role;
import io.archivist.domain.StoredRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * GET /records' finding filters (docs/api.md#finding) through the store: key, q, archived_by,
 * archived_after/_before, operation and sort=-deleted_at, alone and together, each paged to its end
 * with a keyset cursor while records are added and archived between pages, and never seeing another
 * workspace. The reference is the domain's RecordFilter.matches and order.
 */
public interface FindContract extends StoreContractSupport {

    @Test
    default void key_finds_the_record_of_that_key_in_any_state_and_of_any_type_unless_one_is_given() {
        RecordId account = account();
        RecordId label = a(LABEL).under(account).key("blue").create();
        RecordId project = a(PROJECT).under(account).key("blue").create();
        a(LABEL).under(account).key("bluer").create();
        a(LABEL).under(account).key("Blue").create();
        archive(project);

        assertEquals(
                sorted(label),
                ids(RecordFilter.ofType(LABEL, ArchivedFilter.ACTIVE).withKey("blue")));
        assertEquals(
                sorted(label, project),
                ids(new RecordFilter(Optional.empty(), ArchivedFilter.ANY, Optional.empty()).withKey("blue")));
        assertEquals(
                sorted(project),
                ids(RecordFilter.ofType(PROJECT, ArchivedFilter.ARCHIVED).withKey("blue")));
        assertEquals(
                List.of(),
                ids(RecordFilter.ofType(PROJECT, ArchivedFilter.ACTIVE).withKey("blue")));
    }

    @Test
    default void q_finds_text_in_the_key_or_a_string_attribute_ignoring_case_and_nothing_else() {
        RecordId account = account();
        RecordId byKey = a(LABEL).under(account).key("Invoice-2024").create();
        RecordId byValue =
                a(LABEL).under(account).with("note", "Sent the INVOICE today").create();
        RecordId archived =
                a(LABEL).under(account).with("title", "old invoices").create();
        archive(archived);
        a(LABEL).under(account).with("invoice", "the name is not searched").create();
        a(LABEL).under(account).with("nested", Map.of("note", "invoice")).create();
        a(LABEL).under(account).with("list", List.of("invoice")).create();
        a(LABEL).under(account).with("number", 987654321).create();
        a(PROJECT).under(account).with("note", "invoice of another type").create();

        assertEquals(sorted(byKey, byValue), ids(labels(ArchivedFilter.ACTIVE).withText("invoice")));
        assertEquals(sorted(byKey, byValue), ids(labels(ArchivedFilter.ACTIVE).withText("INVOICE")));
        assertEquals(
                sorted(byKey, byValue, archived), ids(labels(ArchivedFilter.ANY).withText("nVoI")));
        assertEquals(sorted(archived), ids(labels(ArchivedFilter.ARCHIVED).withText("invoice")));
        assertEquals(sorted(byKey), ids(labels(ArchivedFilter.ACTIVE).withText("e-20")));
        assertEquals(List.of(), ids(labels(ArchivedFilter.ACTIVE).withText("987654321")), "numbers are not text");
    }

    @Test
    default void q_is_a_plain_substring_never_a_pattern_and_never_spans_two_values() {
        RecordId account = account();
        RecordId percent = a(LABEL).under(account).with("note", "100% done_ok!").create();
        RecordId dots = a(LABEL).under(account)
                .with("note", "a.b*c [x] (y) {z} ^$ | + ? \\ / #")
                .create();
        RecordId accents =
                a(LABEL).under(account).with("note", "Ærøskøbing ÉTÉ").create();
        RecordId twoValues = a(LABEL).under(account)
                .with("first", "alpha")
                .with("second", "beta")
                .create();
        a(LABEL).under(account).with("note", "100 percent done ok").create();

        assertEquals(sorted(percent), ids(labels(ArchivedFilter.ACTIVE).withText("100%")));
        assertEquals(sorted(percent), ids(labels(ArchivedFilter.ACTIVE).withText("done_")));
        assertEquals(sorted(percent), ids(labels(ArchivedFilter.ACTIVE).withText("ok!")));
        assertEquals(List.of(), ids(labels(ArchivedFilter.ACTIVE).withText("_o_")));
        assertEquals(sorted(dots), ids(labels(ArchivedFilter.ACTIVE).withText("a.b*c [x] (y) {z} ^$ | + ? \\ / #")));
        assertEquals(List.of(), ids(labels(ArchivedFilter.ACTIVE).withText("a.c")), "a dot is a dot");
        assertEquals(sorted(accents), ids(labels(ArchivedFilter.ACTIVE).withText("ærø")));
        assertEquals(sorted(accents), ids(labels(ArchivedFilter.ACTIVE).withText("été")));
        assertEquals(sorted(twoValues), ids(labels(ArchivedFilter.ACTIVE).withText("alpha")));
        assertEquals(List.of(), ids(labels(ArchivedFilter.ACTIVE).withText("alphabeta")));
    }

    @Test
    default void q_follows_a_records_attributes_as_they_change() {
        RecordId account = account();
        RecordId label = a(LABEL).under(account).with("note", "draft").create();
        records().update(new UpdateRecordCommand(manager(), label, Map.of("note", "final"), OptionalLong.empty()));

        assertEquals(List.of(), ids(labels(ArchivedFilter.ACTIVE).withText("draft")));
        assertEquals(sorted(label), ids(labels(ArchivedFilter.ACTIVE).withText("final")));
        delete(label);
        delete(label);
        assertEquals(List.of(), ids(labels(ArchivedFilter.ANY).withText("final")), "R3: purged, gone from q");
    }

    @Test
    default void archived_by_finds_what_an_actors_archive_operations_hold_cascades_included() {
        Caller ada = lifecycleCaller("ada");
        Caller grace = lifecycleCaller("grace");
        Tree byAda = tree();
        RecordId byGrace = a(PROJECT).under(account()).create();
        RecordId restored = a(PROJECT).under(account()).create();
        noted(lifecycle().archive(LifecycleCommand.of(ada, byAda.project())));
        noted(lifecycle().archive(LifecycleCommand.of(grace, byGrace)));
        noted(lifecycle().archive(LifecycleCommand.of(ada, restored)));
        noted(lifecycle().restore(LifecycleCommand.of(grace, restored)));

        RecordFilter archived = new RecordFilter(Optional.empty(), ArchivedFilter.ARCHIVED, Optional.empty());
        assertEquals(
                sorted(byAda.project(), byAda.task(), byAda.comment()),
                ids(archived.archivedBy("ada")),
                "the project and what went with it");
        assertEquals(sorted(byGrace), ids(archived.archivedBy("grace")), "a restore archives nothing");
        assertEquals(
                sorted(byAda.task()),
                ids(RecordFilter.ofType(TASK, ArchivedFilter.ARCHIVED).archivedBy("ada")));
        assertEquals(List.of(), ids(archived.archivedBy("Ada")), "actors are exact");
    }

    @Test
    default void archived_after_and_before_bound_deleted_at_at_or_after_and_strictly_before() {
        RecordId account = account();
        List<RecordId> labels = new ArrayList<>();
        List<Instant> at = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            labels.add(label(account));
        }
        for (RecordId label : labels) {
            clock().advance(Duration.ofHours(1));
            archive(label);
            at.add(stored(label).deletedAt().orElseThrow());
        }

        RecordFilter archived = labels(ArchivedFilter.ARCHIVED);
        assertEquals(
                sorted(labels.get(1), labels.get(2), labels.get(3)),
                ids(archived.archivedWithin(Optional.of(at.get(1)), Optional.empty())));
        assertEquals(
                sorted(labels.get(0), labels.get(1)),
                ids(archived.archivedWithin(Optional.empty(), Optional.of(at.get(2)))));
        assertEquals(
                sorted(labels.get(1)),
                ids(archived.archivedWithin(Optional.of(at.get(1)), Optional.of(at.get(2)))),
                "half open: ranges that meet never share a record");
        assertEquals(
                sorted(labels.get(2)),
                ids(archived.archivedWithin(Optional.of(at.get(1).plusNanos(1)), Optional.of(at.get(3)))),
                "a bound between two milliseconds keeps what follows it");
    }

    @Test
    default void operation_finds_the_records_an_archive_operation_still_holds() {
        Tree tree = tree();
        OperationId archivedTogether =
                archive(tree.project()).operation().orElseThrow().id();
        RecordId otherProject = a(PROJECT).under(tree.account()).create();
        archive(otherProject);
        RecordFilter held =
                new RecordFilter(Optional.empty(), ArchivedFilter.ARCHIVED, Optional.empty()).heldBy(archivedTogether);

        assertEquals(sorted(tree.project(), tree.task(), tree.comment()), ids(held));
        assertEquals(
                sorted(tree.task()),
                ids(RecordFilter.ofType(TASK, ArchivedFilter.ARCHIVED).heldBy(archivedTogether)));
        restore(tree.project());
        assertEquals(List.of(), ids(held), "restored: the operation holds nothing any more");
    }

    @Test
    default void sort_newest_archived_first_orders_by_deleted_at_then_id_both_descending() {
        RecordId account = account();
        List<RecordId> labels = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            labels.add(label(account));
        }
        archive(labels.get(3));
        clock().advance(Duration.ofMinutes(5));
        archive(labels.get(0));
        clock().advance(Duration.ofMinutes(5));
        // One bulk archive: one deleted_at for both, so id breaks the tie.
        bulk(BulkCommand.Action.ARCHIVE, true, labels.get(1), labels.get(4));

        List<RecordId> tied = sorted(labels.get(1), labels.get(4));
        assertEquals(
                List.of(tied.get(1), tied.get(0), labels.get(0), labels.get(3)),
                ids(labels(ArchivedFilter.ARCHIVED).sortedBy(Sort.NEWEST_ARCHIVED_FIRST)));
    }

    @Test
    default void the_archive_filters_and_sort_need_archived_true_and_bad_values_are_refused() {
        for (ArchivedFilter state : List.of(ArchivedFilter.ACTIVE, ArchivedFilter.ANY)) {
            refused(ErrorCode.VALIDATION_FAILED, () -> labels(state).archivedBy("ada"));
            refused(ErrorCode.VALIDATION_FAILED, () -> labels(state).sortedBy(Sort.NEWEST_ARCHIVED_FIRST));
            refused(
                    ErrorCode.VALIDATION_FAILED,
                    () -> labels(state).archivedWithin(Optional.of(Instant.EPOCH), Optional.empty()));
        }
        RecordFilter archived = labels(ArchivedFilter.ARCHIVED);
        refused(ErrorCode.VALIDATION_FAILED, () -> archived.withText(""));
        refused(ErrorCode.VALIDATION_FAILED, () -> archived.withText("x".repeat(256)));
        refused(ErrorCode.VALIDATION_FAILED, () -> archived.withText("tab\there"));
        refused(ErrorCode.VALIDATION_FAILED, () -> archived.withKey("not a key"));
        refused(ErrorCode.VALIDATION_FAILED, () -> archived.archivedBy(""));
        refused(ErrorCode.VALIDATION_FAILED, () -> archived.archivedBy("a".repeat(256)));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        refused(ErrorCode.VALIDATION_FAILED, () -> archived.archivedWithin(Optional.of(now), Optional.of(now)));
        refused(
                ErrorCode.VALIDATION_FAILED,
                () -> archived.archivedWithin(Optional.of(Instant.parse("1969-12-31T00:00:00Z")), Optional.empty()));
    }

    @Test
    default void a_cursor_pages_only_the_filter_and_sort_it_was_given_for() {
        RecordId account = account();
        for (int i = 0; i < 3; i++) {
            archive(a(LABEL).under(account).with("note", "same").create());
        }
        RecordFilter byText = labels(ArchivedFilter.ARCHIVED).withText("same");
        String cursor = records()
                .list(manager(), byText, 1, Optional.empty())
                .nextCursor()
                .orElseThrow();

        assertEquals(
                1,
                records()
                        .list(manager(), byText, 1, Optional.of(cursor))
                        .items()
                        .size());
        refused(
                ErrorCode.VALIDATION_FAILED,
                () -> records().list(manager(), byText.sortedBy(Sort.NEWEST_ARCHIVED_FIRST), 1, Optional.of(cursor)));
        refused(
                ErrorCode.VALIDATION_FAILED,
                () -> records()
                        .list(manager(), labels(ArchivedFilter.ARCHIVED).withText("sam"), 1, Optional.of(cursor)));
        refused(
                ErrorCode.VALIDATION_FAILED,
                () -> records().list(manager(), labels(ArchivedFilter.ARCHIVED), 1, Optional.of(cursor)));
        String firstVersion = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(account.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(
                3,
                records()
                        .list(manager(), labels(ArchivedFilter.ARCHIVED), 10, Optional.of(firstVersion))
                        .items()
                        .size(),
                "a cursor of the first version (an id alone) still pages a filter that version knew");
        refused(ErrorCode.VALIDATION_FAILED, () -> records().list(manager(), byText, 1, Optional.of(firstVersion)));
    }

    @Test
    default void every_filter_and_both_orders_page_to_the_end_while_records_come_and_go_between_pages() {
        Caller ada = lifecycleCaller("ada");
        RecordId account = account();
        for (int i = 0; i < 12; i++) {
            RecordId label = a(LABEL).under(account)
                    .key("label-" + i)
                    .with("note", i % 3 == 0 ? "Needle " + i : "hay " + i)
                    .create();
            clock().advance(Duration.ofSeconds(i % 4 == 0 ? 0 : 30));
            if (i % 2 == 0) {
                noted(lifecycle().archive(LifecycleCommand.of(i % 4 == 0 ? ada : manager(), label)));
            }
        }
        Instant middle = clock().now().minusSeconds(100);
        List<RecordFilter> filters = new ArrayList<>();
        for (Sort sort : Sort.values()) {
            RecordFilter archived = labels(ArchivedFilter.ARCHIVED).sortedBy(sort);
            filters.add(archived);
            filters.add(archived.withText("needle"));
            filters.add(archived.archivedBy("ada"));
            filters.add(archived.archivedBy("ada").withText("needle"));
            filters.add(archived.archivedWithin(Optional.of(middle), Optional.empty()));
            filters.add(archived.archivedWithin(Optional.empty(), Optional.of(middle))
                    .withText("e"));
            filters.add(new RecordFilter(Optional.empty(), ArchivedFilter.ARCHIVED, Optional.of(account))
                    .sortedBy(sort)
                    .withText("NEEDLE"));
        }
        filters.add(labels(ArchivedFilter.ACTIVE).withText("hay"));
        filters.add(labels(ArchivedFilter.ANY).withText("needle"));
        filters.add(labels(ArchivedFilter.ANY).withKey("label-4"));

        int round = 0;
        for (RecordFilter filter : filters) {
            round++;
            Set<RecordId> before = Set.copyOf(expected(filter));
            List<RecordId> seen = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            int pages = 0;
            do {
                RecordPage page = records().list(member(), filter, 2, cursor);
                page.items().forEach(view -> seen.add(view.record().id()));
                cursor = page.nextCursor();
                pages++;
                // Between the first pages: a new record that matches the text filters, and every other one
                // archived by ada (later ones would keep a walk in id order going for ever, rightly).
                if (pages <= 3) {
                    RecordId added = a(LABEL).under(account)
                            .key("added-" + round + "-" + pages)
                            .with("note", "late needle")
                            .create();
                    if (pages % 2 == 0) {
                        noted(lifecycle().archive(LifecycleCommand.of(ada, added)));
                    }
                }
                assertTrue(pages < 50, "the walk ends");
            } while (cursor.isPresent());
            Set<RecordId> after = Set.copyOf(expected(filter));

            assertEquals(seen.size(), new HashSet<>(seen).size(), filter + ": no record twice");
            List<StoredRecord> seenRecords = seen.stream().map(this::stored).toList();
            assertEquals(
                    seenRecords.stream()
                            .sorted(filter.order())
                            .map(StoredRecord::id)
                            .toList(),
                    seen,
                    filter + ": in the filter's order");
            Set<RecordId> throughout = new HashSet<>(before);
            throughout.retainAll(after);
            assertTrue(!throughout.isEmpty(), filter + " finds something: the walk is a test");
            assertTrue(seen.containsAll(throughout), filter + ": every record that matched throughout is seen");
            seen.forEach(
                    id -> assertTrue(before.contains(id) || after.contains(id), filter + ": " + id + " never matched"));
        }
    }

    @Test
    default void no_filter_ever_finds_another_workspaces_records() {
        Caller other = managerOfAnotherWorkspace();
        RecordId theirs = records()
                .create(new CreateRecordCommand(
                        other, ACCOUNT, Optional.of("shared-key"), Map.of("note", "shared text"), List.of()))
                .record()
                .id();
        Ledger theirLedger = ledger(other.workspace());
        theirLedger.created(ACCOUNT);
        theirLedger.ran(lifecycle().archive(LifecycleCommand.of(other, theirs)).operation());
        theirLedger.ran(lifecycle().restore(LifecycleCommand.of(other, theirs)).operation());
        Operation again = lifecycle()
                .archive(LifecycleCommand.of(other, theirs))
                .operation()
                .orElseThrow();
        theirLedger.ran(again);
        OperationId theirOperation = again.id();
        RecordId ours = a(ACCOUNT).key("shared-key").with("note", "shared text").create();
        archive(ours);

        RecordFilter archived = new RecordFilter(Optional.empty(), ArchivedFilter.ARCHIVED, Optional.empty());
        assertEquals(sorted(ours), ids(archived.withKey("shared-key")));
        assertEquals(sorted(ours), ids(archived.withText("shared")));
        assertEquals(sorted(ours), ids(archived.archivedBy(manager().actor())));
        assertEquals(sorted(ours), ids(archived.sortedBy(Sort.NEWEST_ARCHIVED_FIRST)));
        assertEquals(List.of(), ids(archived.heldBy(theirOperation)));
        assertEquals(
                List.of(theirs),
                records().list(other, archived.withText("shared"), 10, Optional.empty()).items().stream()
                        .map(view -> view.record().id())
                        .toList());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Caller lifecycleCaller(String sub) {
        return Caller.user(sub, workspace(), Set.of(Role.JOURNEY_MANAGER));
    }

    private static RecordFilter labels(ArchivedFilter state) {
        return RecordFilter.ofType(LABEL, state);
    }

    /** Every id of the filter's pages, walked with a small limit, in the order given. */
    private List<RecordId> ids(RecordFilter filter) {
        List<RecordId> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            RecordPage page = records().list(member(), filter, 2, cursor);
            page.items().forEach(view -> all.add(view.record().id()));
            cursor = page.nextCursor();
            assertTrue(++pages < 100, "the walk ends");
        } while (cursor.isPresent());
        List<StoredRecord> stored = all.stream().map(this::stored).toList();
        assertEquals(
                stored.stream().sorted(filter.order()).map(StoredRecord::id).toList(),
                all,
                "pages come in the filter's order");
        return all;
    }

    /** The ids the filter matches now, by the domain's reference over every record of the workspace. */
    private List<RecordId> expected(RecordFilter filter) {
        Map<OperationId, String> actors = new java.util.HashMap<>();
        Function<StoredRecord, Optional<String>> actorOf = record -> record.archiveOperation()
                .map(op -> actors.computeIfAbsent(
                        op, id -> operations().operation(admin(), id).actor()));
        return snapshot().records().values().stream()
                .filter(record -> filter.matches(record, actorOf.apply(record)))
                .sorted(filter.order())
                .map(StoredRecord::id)
                .collect(Collectors.toList());
    }

    private static List<RecordId> sorted(RecordId... ids) {
        return java.util.Arrays.stream(ids).sorted(Comparator.naturalOrder()).toList();
    }
}
