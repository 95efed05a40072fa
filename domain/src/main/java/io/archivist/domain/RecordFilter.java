package io.archivist.domain;

import java.util.Optional;

/** Which records a page holds: of one type or all, by state, optionally dependents of one parent. */
public record RecordFilter(Optional<String> type, ArchivedFilter archived, Optional<RecordId> parent) {

    public enum ArchivedFilter {
        ACTIVE,
        ARCHIVED,
        ANY
    }

    public static RecordFilter all() {
        return new RecordFilter(Optional.empty(), ArchivedFilter.ANY, Optional.empty());
    }

    public static RecordFilter ofType(String type, ArchivedFilter archived) {
        return new RecordFilter(Optional.of(type), archived, Optional.empty());
    }
}
