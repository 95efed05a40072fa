package io.archivist.application.port.in;

/** Readiness (docs/operations.md): whether the store answers at this moment. */
public interface StoreHealthQuery {

    /**
     * True when the store answered one small read (a point read by key, the cost of one statement or command);
     * false when it cannot be reached. A store that does not answer at all may hold the caller as long as the
     * store's own timeouts allow: a caller that must answer sooner bounds the wait itself.
     */
    boolean storeAnswers();
}
