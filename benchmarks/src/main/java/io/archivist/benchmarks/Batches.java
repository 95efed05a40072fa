package io.archivist.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects items into batches of a fixed size and hands each full batch on; {@link #flush} the rest. */
final class Batches<T> implements Consumer<T> {

    private final int size;
    private final Consumer<List<T>> sink;
    private List<T> batch;

    Batches(int size, Consumer<List<T>> sink) {
        this.size = size;
        this.sink = sink;
        this.batch = new ArrayList<>(size);
    }

    @Override
    public void accept(T item) {
        batch.add(item);
        if (batch.size() == size) {
            flush();
        }
    }

    void flush() {
        if (!batch.isEmpty()) {
            sink.accept(batch);
            batch = new ArrayList<>(size);
        }
    }
}
