package io.archivist.application.port.in;

import io.archivist.domain.Caller;
import io.archivist.domain.NamedRecord;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationFilter;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface OperationQuery {

    int DEFAULT_LIMIT = ListRecordsQuery.DEFAULT_LIMIT;
    int MAX_LIMIT = ListRecordsQuery.MAX_LIMIT;
    /** How many of an archive operation's roots a page of restorable operations names (the first ones it holds). */
    int NAMED_ROOTS = 20;

    /** The operations that touched a record, oldest first; RECORD_NOT_FOUND once it is purged. */
    List<Operation> history(Caller caller, RecordId id);

    /** One operation; admins read every one of the workspace, other roles only their own (else FORBIDDEN). */
    Operation operation(Caller caller, OperationId id);

    /**
     * A keyset page of the log, newest first; {@code cursor} is a {@link OperationPage#nextCursor()} of the
     * page before. Admins page the whole workspace's log, other roles their own operations (another
     * {@code actor} in the filter is a FORBIDDEN that names nobody). With {@code restorable}, each item
     * says what it still holds ({@link Listed#archive()}).
     */
    OperationPage list(Caller caller, OperationFilter filter, int limit, Optional<String> cursor);

    record OperationPage(List<Listed> items, Optional<String> nextCursor) {
        public OperationPage {
            items = List.copyOf(items);
        }
    }

    /** One operation of a page; {@code archive} only on a page of restorable operations. */
    record Listed(Operation operation, Optional<StillArchived> archive) {}

    /**
     * What an archive operation still holds: the first {@link #NAMED_ROOTS} of its roots that it still holds
     * archived, how many records it still holds, and, when a type it archived has a retention, when the
     * retention job purges the first of them (R11).
     */
    record StillArchived(List<NamedRecord> roots, long records, Optional<Instant> purgeAfter) {
        public StillArchived {
            roots = List.copyOf(roots);
        }
    }
}
