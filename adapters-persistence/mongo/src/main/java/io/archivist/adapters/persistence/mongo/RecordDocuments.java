package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.BORN;
import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;
import static io.archivist.adapters.persistence.mongo.MongoSchema.UNIT;
import static io.archivist.adapters.persistence.mongo.MongoSchema.WORKSPACE;
import static io.archivist.adapters.persistence.mongo.RecordFields.*;

import com.mongodb.client.model.Projections;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.SearchText;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/** A record as a document and back. The domain never sees documents. */
final class RecordDocuments {

    /** What a read needs: never the ancestors or claims, which only the store's own queries use. */
    static final Bson READ_FIELDS = Projections.include(
            ID,
            WORKSPACE,
            TYPE,
            KEY,
            ATTRIBUTES,
            PARENTS,
            DELETED_AT,
            ARCHIVE_OPERATION,
            VERSION,
            CREATED_AT,
            UPDATED_AT,
            CREATED_BY,
            UPDATED_BY);

    private RecordDocuments() {}

    /** What q searches in this record (docs/api.md#finding). */
    static String searchText(StoredRecord record) {
        return SearchText.of(record.key(), record.attributes());
    }

    /**
     * A new record document. An active record claims its unique values; an archived one (seeds) keeps
     * them idle, holds its own slot, and names its archive operation in its history.
     */
    static Document toDocument(
            StoredRecord record, Map<String, String> uniqueValues, List<String> ancestors, String unit) {
        String id = record.id().toString();
        List<String> claims = Claims.all(record.workspace(), record.type(), record.id(), uniqueValues);
        Document document = new Document(ID, id)
                .append(WORKSPACE, record.workspace().value())
                .append(TYPE, record.type())
                .append(KEY_SLOT, record.key().map(key -> "k:" + key).orElse("#" + id));
        record.key().ifPresent(key -> document.append(KEY, key));
        document.append(ATTRIBUTES, AttributeCodec.encode(record.attributes()))
                .append(SEARCH, searchText(record))
                .append(PARENTS, ids(record.parents()))
                .append(ANCESTORS, ancestors)
                .append(ARCHIVED, record.archived())
                .append(DELETED_AT, record.deletedAt().map(Date::from).orElse(null))
                .append(
                        ARCHIVE_OPERATION,
                        record.archiveOperation().map(OperationId::toString).orElse(null))
                .append(VERSION, record.version())
                .append(CREATED_AT, Date.from(record.createdAt()))
                .append(UPDATED_AT, Date.from(record.updatedAt()))
                .append(CREATED_BY, record.createdBy())
                .append(UPDATED_BY, record.updatedBy());
        if (record.archived()) {
            document.append(IDLE_CLAIMS, claims)
                    .append(SLOT, id)
                    .append(
                            RecordFields.OPERATIONS,
                            List.of(record.archiveOperation().orElseThrow().toString()));
        } else {
            document.append(CLAIMS, claims).append(IDLE_SLOT, id).append(RecordFields.OPERATIONS, List.of());
        }
        return document.append(UNIT, unit).append(BORN, unit);
    }

    static StoredRecord fromDocument(Document document) {
        return new StoredRecord(
                recordId(document.getString(ID)),
                WorkspaceId.of(document.getString(WORKSPACE)),
                document.getString(TYPE),
                Optional.ofNullable(document.getString(KEY)),
                AttributeCodec.decode(document.get(ATTRIBUTES, Document.class)),
                document.getList(PARENTS, String.class, List.of()).stream()
                        .map(RecordDocuments::recordId)
                        .toList(),
                Optional.ofNullable(document.getDate(DELETED_AT)).map(Date::toInstant),
                Optional.ofNullable(document.getString(ARCHIVE_OPERATION))
                        .map(text -> OperationId.of(UUID.fromString(text))),
                document.get(VERSION, Number.class).longValue(),
                instant(document.getDate(CREATED_AT)),
                instant(document.getDate(UPDATED_AT)),
                document.getString(CREATED_BY),
                document.getString(UPDATED_BY));
    }

    static RecordId recordId(String text) {
        return RecordId.of(UUID.fromString(text));
    }

    static List<String> ids(java.util.Collection<RecordId> ids) {
        List<String> texts = new ArrayList<>(ids.size());
        ids.forEach(id -> texts.add(id.toString()));
        return texts;
    }

    private static Instant instant(Date date) {
        return date.toInstant();
    }
}
