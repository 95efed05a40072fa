package io.archivist.adapters.rest.http;

import io.archivist.domain.ArchivistException;
import io.archivist.domain.Limits;
import io.archivist.domain.OperationFilter;
import io.archivist.domain.OperationKind;
import io.micronaut.http.HttpParameters;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The query of {@code GET /operations}, read strictly as {@link ListParameters} reads {@code GET /records}:
 * an unknown parameter, one given twice, a kind, flag or limit of another form is a 400 before anything is read.
 */
final class OperationParameters {

    private static final Set<String> KNOWN = Set.of("kind", "actor", "restorable", "limit", "cursor");

    record Page(OperationFilter filter, int limit, Optional<String> cursor) {}

    Page parse(HttpParameters all, String kind, String actor, String restorable, String limit, String cursor) {
        ListParameters.requireKnown(all, KNOWN);
        if (actor != null && actor.isEmpty()) {
            throw ArchivistException.invalid("actor is empty; leave it out to read every actor's operations");
        }
        OperationFilter filter = new OperationFilter(
                Optional.ofNullable(kind).map(OperationParameters::kind),
                Optional.ofNullable(actor),
                restorable(restorable));
        return new Page(filter, ListParameters.limit(limit), Optional.ofNullable(cursor));
    }

    private static OperationKind kind(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "archive" -> OperationKind.ARCHIVE;
            case "restore" -> OperationKind.RESTORE;
            case "purge" -> OperationKind.PURGE;
            default ->
                throw ArchivistException.invalid(
                        "kind must be archive, restore or purge, not '" + Limits.quote(kind) + "'");
        };
    }

    private static boolean restorable(String restorable) {
        if (restorable == null || restorable.equals("false")) {
            return false;
        }
        if (restorable.equals("true")) {
            return true;
        }
        throw ArchivistException.invalid("restorable must be true or false, not '" + Limits.quote(restorable) + "'");
    }
}
