package io.archivist.application.port.in;

import io.archivist.domain.Operation;
import java.util.List;

/** R11: the retention job. Purges, as actor {@code system}, archived records whose retention has passed. */
public interface PurgeExpiredUseCase {

    List<Operation> purgeExpired();
}
