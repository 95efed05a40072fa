package io.archivist.adapters.rest.http;

import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import java.util.OptionalLong;

/** R10: a record's ETag is its version; If-Match names the version the client saw. */
final class Etags {

    private Etags() {}

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version If-Match names; none for an absent header or {@code *}. */
    static OptionalLong ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = header.trim();
        if (tag.contains(",")) {
            throw ArchivistException.invalid("If-Match takes the one version the client last saw, e.g. \"3\"");
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw new ArchivistException(
                    ErrorCode.PRECONDITION_FAILED,
                    "If-Match names no version of a record; an ETag of this service looks like \"3\"");
        }
    }
}
