package io.archivist.adapters.rest.shutdown;

import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * What this instance has under way (requests, a run of the retention job), and whether it still takes
 * new work. Once {@link #close closed} it takes none, and {@link #awaitIdle} waits for what was admitted
 * before to finish. Admission and closing are ordered under one lock, so nothing slips in after the close
 * that the wait would miss.
 */
@Singleton
public class ShutdownGate {

    private int underWay;
    private boolean closed;

    /** Admits one piece of work, to be ended by {@link #leave}; false once the gate is closed. */
    public synchronized boolean enter() {
        if (closed) {
            return false;
        }
        underWay++;
        return true;
    }

    public synchronized void leave() {
        underWay--;
        if (underWay == 0) {
            notifyAll();
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Takes no new work from now on; says how much is under way. */
    synchronized int close() {
        closed = true;
        return underWay;
    }

    /** Waits until nothing admitted is under way, at most {@code bound}; says how much still is. */
    synchronized int awaitIdle(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (underWay > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            long millis = Math.max(1, left / 1_000_000);
            wait(millis);
        }
        return underWay;
    }
}
