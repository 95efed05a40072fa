package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.ListRecordsQuery.RecordPage;
import io.archivist.application.port.in.RecordView;
import io.archivist.application.service.RecordService;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.PagePosition;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordFilter.ArchivedFilter;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** GET /records: keyset pages in id order, filtered by type, state and parent, without duplicates or gaps. */
public interface PagingContract extends StoreContractSupport {

    @Test
    default void pages_follow_one_another_without_duplicates_or_gaps_and_the_last_has_no_cursor() {
        RecordId account = account();
        List<RecordId> labels = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            labels.add(label(account));
        }

        List<List<RecordId>> pages = walk(RecordFilter.ofType(LABEL, ArchivedFilter.ACTIVE), 3);

        assertEquals(List.of(3, 3, 1), pages.stream().map(List::size).toList());
        assertEquals(
                labels.stream().sorted().toList(),
                pages.stream().flatMap(List::stream).toList(),
                "in id order, every label once");
    }

    @Test
    default void a_last_page_that_is_exactly_full_has_no_cursor() {
        RecordId account = account();
        for (int i = 0; i < 4; i++) {
            label(account);
        }

        assertEquals(
                List.of(2, 2),
                walk(RecordFilter.ofType(LABEL, ArchivedFilter.ACTIVE), 2).stream()
                        .map(List::size)
                        .toList());
        RecordPage empty =
                records().list(manager(), RecordFilter.ofType(TASK, ArchivedFilter.ANY), 2, Optional.empty());
        assertEquals(List.of(), empty.items());
        assertEquals(Optional.empty(), empty.nextCursor());
    }

    @Test
    default void active_is_the_default_view_archived_lists_only_archived_and_any_lists_both() {
        RecordId account = account();
        List<RecordId> labels = List.of(label(account), label(account), label(account), label(account));
        archive(labels.get(1));
        archive(labels.get(3));

        assertEquals(sorted(labels.get(0), labels.get(2)), all(RecordFilter.ofType(LABEL, ArchivedFilter.ACTIVE)));
        assertEquals(sorted(labels.get(1), labels.get(3)), all(RecordFilter.ofType(LABEL, ArchivedFilter.ARCHIVED)));
        assertEquals(sorted(labels.toArray(RecordId[]::new)), all(RecordFilter.ofType(LABEL, ArchivedFilter.ANY)));
    }

    @Test
    default void the_parent_filter_lists_the_dependents_of_one_record_through_either_parent() {
        Tree tree = tree();
        RecordId otherTask = task(project(tree.account()), tree.label());
        archive(otherTask);

        assertEquals(sorted(tree.task()), all(byParent(tree.project(), ArchivedFilter.ACTIVE)));
        assertEquals(sorted(tree.task()), all(byParent(tree.label(), ArchivedFilter.ACTIVE)));
        assertEquals(sorted(tree.task(), otherTask), all(byParent(tree.label(), ArchivedFilter.ANY)));
        assertEquals(
                sorted(tree.project(), tree.label(), projectOf(otherTask)),
                all(byParent(tree.account(), ArchivedFilter.ANY)));
    }

    @Test
    default void the_store_pages_in_id_order_after_the_given_id_even_when_that_record_is_gone() {
        RecordId account = account();
        List<RecordId> labels = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            labels.add(label(account));
        }
        labels.sort(null);
        archive(labels.get(1));
        delete(labels.get(1));

        List<StoredRecord> page = ports().records()
                .page(
                        workspace(),
                        RecordFilter.ofType(LABEL, ArchivedFilter.ANY),
                        Optional.of(PagePosition.of(labels.get(1))),
                        2);

        assertEquals(
                List.of(labels.get(2), labels.get(3)),
                page.stream().map(StoredRecord::id).toList());
    }

    @Test
    default void a_page_above_the_maximum_or_a_made_up_cursor_is_refused() {
        RecordFilter labels = RecordFilter.ofType(LABEL, ArchivedFilter.ACTIVE);

        refused(ErrorCode.VALIDATION_FAILED, () -> records().list(manager(), labels, 501, Optional.empty()));
        refused(ErrorCode.VALIDATION_FAILED, () -> records().list(manager(), labels, 0, Optional.empty()));
        refused(ErrorCode.VALIDATION_FAILED, () -> records().list(manager(), labels, 10, Optional.of("not-a-cursor")));
    }

    @Test
    default void r14_a_page_ends_early_at_its_byte_budget_with_a_cursor_and_always_holds_one_record() {
        RecordId account = account();
        List<RecordId> labels = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            labels.add(a(LABEL).under(account).with("blob", "x".repeat(400)).create());
        }
        // Alone larger than the budget: it still makes a page of its own.
        labels.add(a(LABEL).under(account).with("blob", "y".repeat(3000)).create());
        RecordService budgeted = ports().recordService(policy().withMaxPageBytes(1000));

        List<Integer> sizes = new ArrayList<>();
        List<RecordId> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            RecordPage page = budgeted.list(manager(), RecordFilter.ofType(LABEL, ArchivedFilter.ACTIVE), 10, cursor);
            sizes.add(page.items().size());
            page.items().forEach(view -> seen.add(view.record().id()));
            cursor = page.nextCursor();
        } while (cursor.isPresent() && sizes.size() < 20);

        // Two records of about 410 bytes fit 1000 bytes and three do not, whatever the limit of 10 allows.
        assertEquals(List.of(2, 2, 1, 1), sizes);
        assertEquals(labels.stream().sorted().toList(), seen, "in id order, every label once");
    }

    /** Every page of {@code filter}, following the cursors; each page checked against the last. */
    default List<List<RecordId>> walk(RecordFilter filter, int limit) {
        List<List<RecordId>> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            RecordPage page = records().list(manager(), filter, limit, cursor);
            assertTrue(page.items().size() <= limit);
            assertTrue(page.nextCursor().isEmpty() || page.items().size() == limit, "a short page is the last");
            pages.add(page.items().stream().map(view -> view.record().id()).toList());
            page.items().stream()
                    .map(RecordView::record)
                    .forEach(record -> assertTrue(matches(filter).test(record), record + " does not match " + filter));
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return pages;
    }

    private List<RecordId> all(RecordFilter filter) {
        return walk(filter, 2).stream().flatMap(List::stream).toList();
    }

    private static RecordFilter byParent(RecordId parent, ArchivedFilter archived) {
        return new RecordFilter(Optional.empty(), archived, Optional.of(parent));
    }

    private RecordId projectOf(RecordId task) {
        return stored(task).parents().get(0);
    }

    private static List<RecordId> sorted(RecordId... ids) {
        return java.util.Arrays.stream(ids).sorted().toList();
    }

    private static Predicate<StoredRecord> matches(RecordFilter filter) {
        return record -> filter.type().map(record.type()::equals).orElse(true)
                && filter.parent().map(record.parents()::contains).orElse(true)
                && switch (filter.archived()) {
                    case ACTIVE -> !record.archived();
                    case ARCHIVED -> record.archived();
                    case ANY -> true;
                };
    }
}
