package io.archivist.adapters.rest.http;

import io.archivist.application.port.in.ListRecordsQuery;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Limits;
import io.archivist.domain.ObjectType;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordFilter.ArchivedFilter;
import io.archivist.domain.RecordFilter.Sort;
import io.archivist.domain.RecordId;
import io.micronaut.http.HttpParameters;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query of {@code GET /records}, read strictly: an unknown parameter, one given twice, a type that
 * is not a type name (such as an operator {@code {"$ne": null}}), a bad id, state, time, order or
 * limit is a 400 before anything is read. The filter itself checks what its parts may hold
 * (RecordFilter): lengths, forms, and which parts need archived=true.
 */
final class ListParameters {

    private static final Set<String> KNOWN = Set.of(
            "type",
            "archived",
            "parent",
            "limit",
            "cursor",
            "key",
            "q",
            "archived_by",
            "archived_after",
            "archived_before",
            "operation",
            "sort");

    record Page(RecordFilter filter, int limit, Optional<String> cursor) {}

    /** The query's parameters by name; each may be absent. */
    record Query(
            String type,
            String archived,
            String parent,
            String limit,
            String cursor,
            String key,
            String q,
            String archivedBy,
            String archivedAfter,
            String archivedBefore,
            String operation,
            String sort) {}

    Page parse(HttpParameters all, Query query) {
        requireKnown(all, KNOWN);
        Optional<String> typeName = Optional.ofNullable(query.type()).map(t -> {
            if (!ObjectType.isSlug(t)) {
                throw ArchivistException.invalid("type '" + Limits.quote(t) + "' is not a type name");
            }
            return t;
        });
        RecordFilter filter = new RecordFilter(
                typeName,
                archivedFilter(query.archived()),
                Optional.ofNullable(query.parent()).map(RecordId::parse),
                Optional.ofNullable(query.key()),
                Optional.ofNullable(query.q()),
                Optional.ofNullable(query.archivedBy()),
                time(query.archivedAfter(), "archived_after"),
                time(query.archivedBefore(), "archived_before"),
                Optional.ofNullable(query.operation()).map(OperationId::parse),
                sort(query.sort()));
        return new Page(filter, limit(query.limit()), Optional.ofNullable(query.cursor()));
    }

    private static ArchivedFilter archivedFilter(String archived) {
        if (archived == null) {
            return ArchivedFilter.ACTIVE;
        }
        return switch (archived) {
            case "false" -> ArchivedFilter.ACTIVE;
            case "true" -> ArchivedFilter.ARCHIVED;
            case "any" -> ArchivedFilter.ANY;
            default ->
                throw ArchivistException.invalid(
                        "archived must be false, true or any, not '" + Limits.quote(archived) + "'");
        };
    }

    private static Sort sort(String sort) {
        if (sort == null) {
            return Sort.ID;
        }
        return Sort.parse(sort)
                .orElseThrow(() ->
                        ArchivistException.invalid("sort must be id or -deleted_at, not '" + Limits.quote(sort) + "'"));
    }

    /** An RFC 3339 time with its offset ({@code 2025-03-01T09:00:00Z}, {@code ...+01:00}). */
    private static Optional<Instant> time(String text, String name) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            String hint = text.contains(" ") ? " (a '+' in a query string must be sent as %2B)" : "";
            throw ArchivistException.invalid(name + " must be an RFC 3339 time such as 2025-03-01T09:00:00Z, not '"
                    + Limits.quote(text) + "'" + hint);
        }
    }

    /** A query of a listing names only {@code known} parameters, each at most once (a 400 otherwise). */
    static void requireKnown(HttpParameters all, Set<String> known) {
        for (String name : all.names()) {
            if (!known.contains(name)) {
                throw ArchivistException.invalid(
                        "unknown query parameter '" + Limits.quote(name) + "'; expected " + new TreeSet<>(known));
            }
            if (all.getAll(name).size() > 1) {
                throw ArchivistException.invalid("query parameter '" + name + "' is given twice");
            }
        }
    }

    /** A page's {@code limit}: 1 to 500, 50 unless given (GET /records and GET /operations alike). */
    static int limit(String limit) {
        if (limit == null) {
            return ListRecordsQuery.DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= ListRecordsQuery.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the message below says what is allowed
        }
        throw ArchivistException.invalid("limit must be a whole number from 1 to " + ListRecordsQuery.MAX_LIMIT
                + ", not '" + Limits.quote(limit) + "'");
    }
}
