package io.archivist.application.port.out;

import io.archivist.domain.WorkspaceId;

import java.util.function.Supplier;

/**
 * R8: runs {@code work} all-or-nothing and serialised with every other write of the workspace.
 * A nested call joins the unit already under way. An implementation may run {@code work} again
 * after a serialization failure or deadlock (a bounded number of times, then CONCURRENT_MODIFICATION),
 * so work must not have effects outside the stores.
 */
public interface UnitOfWork {

    <T> T write(WorkspaceId workspace, Supplier<T> work);

    /** A consistent read: what {@code work} reads is one state of the workspace (I1 holds in it). */
    <T> T read(WorkspaceId workspace, Supplier<T> work);
}
