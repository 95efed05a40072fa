package io.archivist.domain;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Client-supplied UUIDs in their one written form, 8-4-4-4-12 hex digits. java.util.UUID alone
 * is lenient ("1-1-1-1-0…0" or a leading "+" parse), so one record would answer to many ids.
 */
final class Uuids {

    private static final Pattern FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {}

    static Optional<UUID> parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
