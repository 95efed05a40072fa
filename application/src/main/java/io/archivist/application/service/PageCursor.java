package io.archivist.application.service;

import io.archivist.domain.ArchivistException;
import io.archivist.domain.Limits;
import io.archivist.domain.OperationFilter;
import io.archivist.domain.OperationId;
import io.archivist.domain.PagePosition;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordFilter.ArchivedFilter;
import io.archivist.domain.RecordFilter.Sort;
import io.archivist.domain.RecordId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The opaque keyset cursor: where the next page starts (the last record's id, and its {@code
 * deleted_at} in the newest-archived-first order) and a fingerprint of the filter and order it was
 * given for. A cursor used with another filter or order, or one a client made up, is a
 * VALIDATION_FAILED: it would silently skip or repeat records.
 */
final class PageCursor {

    private static final String VERSION = "2";
    /** The form of a cursor of the operation log. */
    private static final String OPERATIONS = "o1";

    private static final char SEP = '~';
    private static final int FINGERPRINT_BYTES = 9;

    private PageCursor() {}

    static String after(PagePosition position, RecordFilter filter) {
        String text = VERSION
                + SEP
                + fingerprint(filter)
                + SEP
                + position.deletedAt()
                        .map(at -> Long.toString(at.toEpochMilli()))
                        .orElse("")
                + SEP
                + position.id();
        return encode(text);
    }

    static PagePosition decode(String cursor, RecordFilter filter) {
        String text = decoded(cursor).orElseThrow(() -> notOurs(cursor));
        if (text.length() == 36) {
            return firstVersion(text, filter).orElseThrow(() -> notOurs(cursor));
        }
        String[] parts = text.split(String.valueOf(SEP), -1);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw notOurs(cursor);
        }
        if (!parts[1].equals(fingerprint(filter))) {
            throw ArchivistException.invalid("cursor '" + Limits.quote(cursor)
                    + "' belongs to another filter or sort: page with the parameters it was given for,"
                    + " or start again without a cursor");
        }
        RecordId id = id(parts[3]).orElseThrow(() -> notOurs(cursor));
        boolean needsTime = filter.sort() == Sort.NEWEST_ARCHIVED_FIRST;
        if (parts[2].isEmpty() == needsTime) {
            throw notOurs(cursor);
        }
        Optional<Instant> deletedAt = needsTime ? Optional.of(millis(parts[2], cursor)) : Optional.empty();
        return new PagePosition(id, deletedAt);
    }

    /**
     * A cursor of the first version (the last id alone) still pages what that version could list: type,
     * state and parent in id order, so that a client paging across an upgrade is not cut off.
     */
    private static Optional<PagePosition> firstVersion(String text, RecordFilter filter) {
        RecordFilter firstForm = new RecordFilter(filter.type(), filter.archived(), filter.parent());
        if (!filter.equals(firstForm)) {
            return Optional.empty();
        }
        return id(text).map(PagePosition::of);
    }

    /**
     * A short hash of everything that decides the pages: a cursor stands for a place in one sequence.
     * Each part is written with its length, so that no two filters give the same text.
     */
    private static String fingerprint(RecordFilter filter) {
        return fingerprint(List.of(
                filter.sort().form(),
                filter.type().orElse(""),
                archived(filter.archived()),
                filter.parent().map(RecordId::toString).orElse(""),
                filter.key().orElse(""),
                filter.text().orElse(""),
                filter.archivedBy().orElse(""),
                filter.archivedAfter().map(Instant::toString).orElse(""),
                filter.archivedBefore().map(Instant::toString).orElse(""),
                filter.operation().map(Object::toString).orElse("")));
    }

    private static String fingerprint(List<String> parts) {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(part.length()).append(':').append(part));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            byte[] head = new byte[FINGERPRINT_BYTES];
            System.arraycopy(digest, 0, head, 0, FINGERPRINT_BYTES);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(head);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The cursor of a page of the operation log: its last operation's id, bound to the filter it was given
     * for as a page of records is (a third form: a record's cursor is not an operation's).
     */
    static String after(OperationId last, OperationFilter filter) {
        return encode(OPERATIONS + SEP + fingerprint(filter) + SEP + last);
    }

    static OperationId decode(String cursor, OperationFilter filter) {
        String[] parts = decoded(cursor).orElseThrow(() -> notOurs(cursor)).split(String.valueOf(SEP), -1);
        if (parts.length != 3 || !parts[0].equals(OPERATIONS)) {
            throw notOurs(cursor);
        }
        if (!parts[1].equals(fingerprint(filter))) {
            throw ArchivistException.invalid("cursor '" + Limits.quote(cursor)
                    + "' belongs to another filter: page with the parameters it was given for, or start again"
                    + " without a cursor");
        }
        return id(parts[2]).map(id -> OperationId.of(id.value())).orElseThrow(() -> notOurs(cursor));
    }

    private static String fingerprint(OperationFilter filter) {
        return fingerprint(List.of(
                filter.kind().map(Enum::name).orElse(""),
                filter.actor().orElse(""),
                Boolean.toString(filter.restorable())));
    }

    private static String archived(ArchivedFilter archived) {
        return archived.name();
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<String> decoded(String cursor) {
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<RecordId> id(String text) {
        try {
            return Optional.of(RecordId.parse(text));
        } catch (ArchivistException e) {
            return Optional.empty();
        }
    }

    private static Instant millis(String text, String cursor) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw notOurs(cursor);
        }
    }

    private static ArchivistException notOurs(String cursor) {
        return ArchivistException.invalid("cursor '" + Limits.quote(cursor) + "' is not one this service gave out");
    }
}
