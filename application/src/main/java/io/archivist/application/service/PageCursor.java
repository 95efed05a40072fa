package io.archivist.application.service;

import io.archivist.domain.ArchivistException;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** The opaque keyset cursor: the last id of a page. A cursor a client made up is a VALIDATION_FAILED. */
final class PageCursor {

    private PageCursor() {}

    static String after(RecordId last) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(last.toString().getBytes(StandardCharsets.US_ASCII));
    }

    static RecordId decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return RecordId.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw ArchivistException.invalid("cursor '" + cursor + "' is not one this service gave out");
        }
    }

    /** The cursor of a page of the operation log: its last operation's id, in the same opaque form. */
    static String after(OperationId last) {
        return after(RecordId.of(last.value()));
    }

    static OperationId decodeOperation(String cursor) {
        return OperationId.of(decode(cursor).value());
    }
}
