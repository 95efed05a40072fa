package io.archivist.application.service;

import io.archivist.domain.Catalog;
import io.archivist.domain.NamedRecord;
import io.archivist.domain.StoredRecord;

/** Records as people read them where they are only mentioned: with their type, key and title. */
final class Names {

    private Names() {}

    static NamedRecord of(StoredRecord record, Catalog catalog) {
        // PLACEHOLDER until the title rule of branch find is merged: the title is the record's type's title.
        return new NamedRecord(
                record.id(), record.type(), record.key(), record.id().toString());
    }
}
