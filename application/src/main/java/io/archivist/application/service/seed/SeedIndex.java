package io.archivist.application.service.seed;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What an import keeps of each seed record between its two passes, in seed order: key, type,
 * line, state, id, effective archive time and operation, and parents — in primitive arrays, about
 * a hundred bytes a record, so that a seed of millions validates without keeping its records.
 */
final class SeedIndex {

    /** {@link #deletedAt} of a record that is (or stays) active. */
    static final long ACTIVE = Long.MIN_VALUE;
    /** {@link #op} of an active record. */
    static final int NO_OP = -1;
    /** A parent reference not resolved while reading: listed later in the seed, or missing. */
    static final int PENDING = -1;

    enum State {
        /** Not in the workspace: inserted. */
        NEW,
        /** In the workspace with the same attributes, or archived there (and so read-only): left as it is. */
        UNCHANGED,
        /** In the workspace, active, with other attributes: updated. */
        CHANGED
    }

    private static final State[] STATES = State.values();

    private final Map<String, Integer> byKey = new HashMap<>();
    private String[] keys = new String[1024];
    private short[] types = new short[1024];
    private int[] lines = new int[1024];
    private byte[] states = new byte[1024];
    private long[] idHigh = new long[1024];
    private long[] idLow = new long[1024];
    private long[] deletedAt = new long[1024];
    private int[] ops = new int[1024];
    private int[] parentStart = new int[1025];
    private int[] parentRefs = new int[1024];
    private int size;

    int size() {
        return size;
    }

    /** The index of the record with {@code key}, or -1. */
    int find(String key) {
        Integer index = byKey.get(key);
        return index == null ? -1 : index;
    }

    /**
     * Adds the next record of the seed; {@code type} is -1 when its type is unknown. Parent references
     * follow through {@link #addParent} before the next record is added.
     */
    int add(String key, int type, long line) {
        if (size == keys.length) {
            grow();
        }
        int index = size++;
        byKey.put(key, index);
        keys[index] = key;
        types[index] = (short) type;
        lines[index] = (int) Math.min(line, Integer.MAX_VALUE);
        states[index] = (byte) State.NEW.ordinal();
        deletedAt[index] = ACTIVE;
        ops[index] = NO_OP;
        parentStart[index + 1] = parentStart[index];
        return index;
    }

    /** Adds a parent reference to the last record added: a seed index, a {@code -2 - n} store parent, or PENDING. */
    void addParent(int ref) {
        int end = parentStart[size];
        if (end == parentRefs.length) {
            parentRefs = Arrays.copyOf(parentRefs, end + (end >> 1) + 16);
        }
        parentRefs[end] = ref;
        parentStart[size] = end + 1;
    }

    int parentCount(int index) {
        return parentStart[index + 1] - parentStart[index];
    }

    int parent(int index, int n) {
        return parentRefs[parentStart[index] + n];
    }

    String key(int index) {
        return keys[index];
    }

    int type(int index) {
        return types[index];
    }

    long line(int index) {
        return lines[index];
    }

    State state(int index) {
        return STATES[states[index]];
    }

    void state(int index, State state) {
        states[index] = (byte) state.ordinal();
    }

    UUID id(int index) {
        return new UUID(idHigh[index], idLow[index]);
    }

    void id(int index, UUID id) {
        idHigh[index] = id.getMostSignificantBits();
        idLow[index] = id.getLeastSignificantBits();
    }

    /** Epoch milliseconds of the archive time the record has once imported, or {@link #ACTIVE}. */
    long deletedAt(int index) {
        return deletedAt[index];
    }

    void deletedAt(int index, long millis) {
        deletedAt[index] = millis;
    }

    /** The archive operation of an archived record (see SeedOperations), or {@link #NO_OP}. */
    int op(int index) {
        return ops[index];
    }

    void op(int index, int op) {
        ops[index] = op;
    }

    private void grow() {
        int capacity = keys.length + (keys.length >> 1);
        keys = Arrays.copyOf(keys, capacity);
        types = Arrays.copyOf(types, capacity);
        lines = Arrays.copyOf(lines, capacity);
        states = Arrays.copyOf(states, capacity);
        idHigh = Arrays.copyOf(idHigh, capacity);
        idLow = Arrays.copyOf(idLow, capacity);
        deletedAt = Arrays.copyOf(deletedAt, capacity);
        ops = Arrays.copyOf(ops, capacity);
        parentStart = Arrays.copyOf(parentStart, capacity + 1);
    }
}
