package io.archivist.adapters.persistence.mongo;

/** The field names of a record document (see README, "MongoDB"). */
final class RecordFields {

    static final String TYPE = "type";
    static final String KEY = "key";
    /** "k:" + key, or "#" + id for a record without a key, so that the unique index never sees a null. */
    static final String KEY_SLOT = "keySlot";

    static final String ATTRIBUTES = "attributes";
    /** q's text (SearchText): the key and the string attributes, lower-cased; set with the attributes. */
    static final String SEARCH = "search";

    static final String PARENTS = "parents";
    /** Every ancestor id, fixed at creation like the parents: one $in reaches a whole subtree. */
    static final String ANCESTORS = "ancestors";

    static final String DELETED_AT = "deletedAt";
    static final String ARCHIVED = "archived";
    static final String ARCHIVE_OPERATION = "archiveOperation";
    static final String VERSION = "version";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String CREATED_BY = "createdBy";
    static final String UPDATED_BY = "updatedBy";
    /** The operations that touched the record, for its history. */
    static final String OPERATIONS = "operations";
    /** R6, while active: the record's unique values (see Claims) and its own filler, never empty. */
    static final String CLAIMS = "claims";
    /** R6, while archived: the same values, out of the unique index. */
    static final String IDLE_CLAIMS = "idleClaims";
    /** R6, while archived: the record id, so that archived records never collide in the unique index. */
    static final String SLOT = "slot";
    /** R6, while active: the record id, waiting to move to SLOT when the record is archived. */
    static final String IDLE_SLOT = "idleSlot";

    private RecordFields() {}
}
