package io.archivist.application.port.out;

import io.archivist.domain.WorkspaceId;
import java.util.function.Supplier;

/**
 * R8: runs {@code work} all-or-nothing and serialised with every other write of the workspace.
 * A nested call joins the unit already under way. An implementation may run {@code work} again
 * after a serialization failure or deadlock (a bounded number of times, then CONCURRENT_MODIFICATION),
 * or once after its connection to the store was lost (then StoreUnavailableException), so work must not
 * have effects outside the stores.
 */
public interface UnitOfWork {

    <T> T write(WorkspaceId workspace, Supplier<T> work);

    /** A consistent read: what {@code work} reads is one state of the workspace (I1 holds in it). */
    <T> T read(WorkspaceId workspace, Supplier<T> work);

    /**
     * A point read: each store call of {@code work} sees a committed state of the workspace (never a
     * unit under way), but two calls need not see the same one. For work whose calls need not agree,
     * such as one record; a store may then skip the cost of a shared snapshot. {@code work} must not write.
     */
    default <T> T readLatest(WorkspaceId workspace, Supplier<T> work) {
        return read(workspace, work);
    }
}
