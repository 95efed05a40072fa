package io.archivist.application.port.in;

import io.archivist.domain.Caller;
import io.archivist.domain.RecordFilter;
import java.util.List;
import java.util.Optional;

public interface ListRecordsQuery {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 500;

    /** A keyset page; {@code cursor} is a {@link RecordPage#nextCursor()} from the previous page. */
    RecordPage list(Caller caller, RecordFilter filter, int limit, Optional<String> cursor);

    record RecordPage(List<RecordView> items, Optional<String> nextCursor) {
        public RecordPage {
            items = List.copyOf(items);
        }
    }
}
