package io.archivist.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which records a page holds and in which order (docs/api.md#finding): of one type or all, by state,
 * dependents of one parent, with a key, holding a text ({@code q}), archived by an actor, within a time,
 * or held by one archive operation; by id, or newest archived first. A value: it checks its parts
 * when made, so a store is never handed a filter it cannot answer, and it says once
 * ({@link #matches}, {@link #order}) what the stores' queries must agree with.
 */
public record RecordFilter(
        Optional<String> type,
        ArchivedFilter archived,
        Optional<RecordId> parent,
        Optional<String> key,
        Optional<String> text,
        Optional<String> archivedBy,
        Optional<Instant> archivedAfter,
        Optional<Instant> archivedBefore,
        Optional<OperationId> operation,
        Sort sort) {

    public enum ArchivedFilter {
        ACTIVE,
        ARCHIVED,
        ANY
    }

    /** The order of a page: by id, or by {@code deleted_at} newest first (then id, newest first). */
    public enum Sort {
        ID("id"),
        NEWEST_ARCHIVED_FIRST("-deleted_at");

        private final String form;

        Sort(String form) {
            this.form = form;
        }

        /** As a client writes it ({@code sort=id}, {@code sort=-deleted_at}). */
        public String form() {
            return form;
        }

        public static Optional<Sort> parse(String form) {
            for (Sort sort : values()) {
                if (sort.form.equals(form)) {
                    return Optional.of(sort);
                }
            }
            return Optional.empty();
        }
    }

    public RecordFilter {
        type = orEmpty(type);
        parent = orEmpty(parent);
        key = orEmpty(key);
        text = orEmpty(text);
        archivedBy = orEmpty(archivedBy);
        archivedAfter = orEmpty(archivedAfter).map(RecordFilter::toMillis);
        archivedBefore = orEmpty(archivedBefore).map(RecordFilter::toMillis);
        operation = orEmpty(operation);
        sort = sort == null ? Sort.ID : sort;
        key.ifPresent(k -> Limits.requireKey(Limits.requireName(k, "key")));
        text.ifPresent(SearchText::requireQuery);
        archivedBy.ifPresent(RecordFilter::requireActor);
        archivedAfter.ifPresent(at -> Limits.requireStorableTime(at, "archived_after"));
        archivedBefore.ifPresent(at -> Limits.requireStorableTime(at, "archived_before"));
        if (archivedAfter.isPresent()
                && archivedBefore.isPresent()
                && !archivedAfter.get().isBefore(archivedBefore.get())) {
            throw ArchivistException.invalid("archived_after (" + archivedAfter.get()
                    + ") must be earlier than archived_before (" + archivedBefore.get() + ")");
        }
        if (archived != ArchivedFilter.ARCHIVED) {
            // These speak of archived records only: with archived=false or any they would quietly find
            // nothing, or mix in active records that have no deleted_at to sort by. A forgotten
            // archived=true is a client's mistake, said plainly, rather than an empty page.
            archiveOnlyPart(archivedBy, archivedAfter, archivedBefore, operation, sort)
                    .ifPresent(part -> {
                        throw ArchivistException.invalid(part + " finds archived records only: ask with archived=true");
                    });
        }
    }

    /** The filter of the first version: type, state and parent, in id order. */
    public RecordFilter(Optional<String> type, ArchivedFilter archived, Optional<RecordId> parent) {
        this(
                type,
                archived,
                parent,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Sort.ID);
    }

    public static RecordFilter all() {
        return new RecordFilter(Optional.empty(), ArchivedFilter.ANY, Optional.empty());
    }

    public static RecordFilter ofType(String type, ArchivedFilter archived) {
        return new RecordFilter(Optional.of(type), archived, Optional.empty());
    }

    public RecordFilter withKey(String key) {
        return new RecordFilter(
                type,
                archived,
                parent,
                Optional.of(key),
                text,
                archivedBy,
                archivedAfter,
                archivedBefore,
                operation,
                sort);
    }

    /** {@code q}: records whose key or a string attribute holds this text, ignoring case (see {@link SearchText}). */
    public RecordFilter withText(String q) {
        return new RecordFilter(
                type,
                archived,
                parent,
                key,
                Optional.of(q),
                archivedBy,
                archivedAfter,
                archivedBefore,
                operation,
                sort);
    }

    public RecordFilter archivedBy(String actor) {
        return new RecordFilter(
                type, archived, parent, key, text, Optional.of(actor), archivedAfter, archivedBefore, operation, sort);
    }

    /** {@code deleted_at} at or after {@code after} (either may be empty), and strictly before {@code before}. */
    public RecordFilter archivedWithin(Optional<Instant> after, Optional<Instant> before) {
        return new RecordFilter(type, archived, parent, key, text, archivedBy, after, before, operation, sort);
    }

    public RecordFilter heldBy(OperationId archiveOperation) {
        return new RecordFilter(
                type,
                archived,
                parent,
                key,
                text,
                archivedBy,
                archivedAfter,
                archivedBefore,
                Optional.of(archiveOperation),
                sort);
    }

    public RecordFilter sortedBy(Sort order) {
        return new RecordFilter(
                type, archived, parent, key, text, archivedBy, archivedAfter, archivedBefore, operation, order);
    }

    /**
     * Whether {@code record} belongs to this filter's pages; {@code archiveActor} is the actor of the
     * record's archive operation (empty for an active record). The reference the stores' queries are
     * held to (the contract kit's FindContract).
     */
    public boolean matches(StoredRecord record, Optional<String> archiveActor) {
        boolean state = switch (archived) {
            case ACTIVE -> !record.archived();
            case ARCHIVED -> record.archived();
            case ANY -> true;
        };
        return state
                && type.map(record.type()::equals).orElse(true)
                && parent.map(record.parents()::contains).orElse(true)
                && key.map(k -> record.key().equals(Optional.of(k))).orElse(true)
                && text.map(q ->
                                SearchText.of(record.key(), record.attributes()).contains(SearchText.needle(q)))
                        .orElse(true)
                && archivedBy
                        .map(actor -> archiveActor.equals(Optional.of(actor)))
                        .orElse(true)
                && archivedAfter
                        .map(at ->
                                record.deletedAt().filter(d -> !d.isBefore(at)).isPresent())
                        .orElse(true)
                && archivedBefore
                        .map(at ->
                                record.deletedAt().filter(d -> d.isBefore(at)).isPresent())
                        .orElse(true)
                && operation
                        .map(op -> record.archiveOperation().equals(Optional.of(op)))
                        .orElse(true);
    }

    /** The order of this filter's pages; every record it matches has what the order needs. */
    public Comparator<StoredRecord> order() {
        Comparator<StoredRecord> byId = Comparator.comparing(StoredRecord::id);
        return switch (sort) {
            case ID -> byId;
            case NEWEST_ARCHIVED_FIRST ->
                Comparator.comparing((StoredRecord r) -> r.deletedAt().orElseThrow())
                        .thenComparing(byId)
                        .reversed();
        };
    }

    /** Whether {@code record} comes after {@code position} in this filter's order. */
    public boolean after(StoredRecord record, PagePosition position) {
        return switch (sort) {
            case ID -> record.id().compareTo(position.id()) > 0;
            case NEWEST_ARCHIVED_FIRST -> {
                Instant at = record.deletedAt().orElseThrow();
                Instant from = position.deletedAt().orElseThrow();
                yield at.isBefore(from) || (at.equals(from) && record.id().compareTo(position.id()) < 0);
            }
        };
    }

    /** The first part of this filter that only archived records can match, as a client names it. */
    private static Optional<String> archiveOnlyPart(
            Optional<String> archivedBy,
            Optional<Instant> archivedAfter,
            Optional<Instant> archivedBefore,
            Optional<OperationId> operation,
            Sort sort) {
        if (archivedBy.isPresent()) {
            return Optional.of("archived_by");
        }
        if (archivedAfter.isPresent()) {
            return Optional.of("archived_after");
        }
        if (archivedBefore.isPresent()) {
            return Optional.of("archived_before");
        }
        if (operation.isPresent()) {
            return Optional.of("operation");
        }
        return sort == Sort.NEWEST_ARCHIVED_FIRST ? Optional.of("sort=-deleted_at") : Optional.empty();
    }

    private static void requireActor(String actor) {
        if (actor.isEmpty()) {
            throw ArchivistException.invalid("archived_by must name an actor");
        }
        Limits.requireName(actor, "archived_by");
        Limits.text(actor, "archived_by");
    }

    /**
     * Every store keeps deleted_at to the millisecond (MongoDB's dates can hold no more): a bound between
     * two milliseconds moves up to the next one, which keeps exactly the records it kept before (at or
     * after it, strictly before it) on every store alike.
     */
    private static Instant toMillis(Instant bound) {
        Instant down = bound.truncatedTo(ChronoUnit.MILLIS);
        return down.equals(bound) ? bound : down.plusMillis(1);
    }

    private static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }
}
