package io.archivist.adapters.rest.http;

import io.archivist.application.port.in.ListRecordsQuery;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Limits;
import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordFilter.ArchivedFilter;
import io.archivist.domain.RecordId;
import io.micronaut.http.HttpParameters;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query of {@code GET /records}, read strictly: an unknown parameter, a type that is not a
 * type name (such as an operator {@code {"$ne": null}}), a bad id, state or limit is a 400 before
 * anything is read.
 */
final class ListParameters {

    private static final Set<String> KNOWN = Set.of("type", "archived", "parent", "limit", "cursor");

    record Page(RecordFilter filter, int limit, Optional<String> cursor) {}

    Page parse(HttpParameters all, String type, String archived, String parent, String limit, String cursor) {
        for (String name : all.names()) {
            if (!KNOWN.contains(name)) {
                throw ArchivistException.invalid(
                        "unknown query parameter '" + Limits.quote(name) + "'; expected " + new TreeSet<>(KNOWN));
            }
            if (all.getAll(name).size() > 1) {
                throw ArchivistException.invalid("query parameter '" + name + "' is given twice");
            }
        }
        Optional<String> typeName = Optional.ofNullable(type).map(t -> {
            if (!ObjectType.isSlug(t)) {
                throw ArchivistException.invalid("type '" + Limits.quote(t) + "' is not a type name");
            }
            return t;
        });
        RecordFilter filter = new RecordFilter(
                typeName, archivedFilter(archived), Optional.ofNullable(parent).map(RecordId::parse));
        return new Page(filter, limit(limit), Optional.ofNullable(cursor));
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

    private static int limit(String limit) {
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
