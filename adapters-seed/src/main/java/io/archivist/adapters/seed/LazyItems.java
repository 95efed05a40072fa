package io.archivist.adapters.seed;

import io.archivist.application.port.out.seed.SeedItem;
import io.archivist.application.port.out.seed.SeedItems;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;

/** Items read one at a time as they are asked for; a format reads the next part of its document in {@link #readMore}. */
abstract class LazyItems implements SeedItems {

    /** Items read but not handed out yet (a JSON Lines header holds several). */
    protected final Deque<SeedItem> ready = new ArrayDeque<>();

    private boolean ended;

    /** Reads on, adding the items read to {@link #ready} (perhaps none yet); false at the end of the seed. */
    protected abstract boolean readMore();

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !ended) {
            ended = !readMore();
        }
        return !ready.isEmpty();
    }

    @Override
    public SeedItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the seed has no more items");
        }
        return ready.poll();
    }
}
