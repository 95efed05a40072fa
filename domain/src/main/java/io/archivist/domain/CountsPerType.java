package io.archivist.domain;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many records of each object type an operation changed, or a preview would change: ordered by type
 * name, every count positive. A type with no records has no entry (a count that comes to zero is dropped),
 * so two equal sets of counts are equal whichever way they were added up, and the JSON of an operation names
 * only the types it changed. Immutable.
 */
public final class CountsPerType {

    private static final CountsPerType NONE = new CountsPerType(new TreeMap<>());

    private final SortedMap<String, Long> counts;

    private CountsPerType(SortedMap<String, Long> counts) {
        this.counts = Collections.unmodifiableSortedMap(counts);
    }

    /** No records of any type. */
    public static CountsPerType none() {
        return NONE;
    }

    /** {@code n} records of {@code type} (none when {@code n} is 0). */
    public static CountsPerType of(String type, long n) {
        return builder().add(type, n).build();
    }

    /** The counts of {@code counts}; a negative count is refused, a zero one dropped. */
    public static CountsPerType of(Map<String, Long> counts) {
        Builder builder = builder();
        counts.forEach(builder::add);
        return builder.build();
    }

    /** Adds counts up one type at a time, as a store reads them or a walk meets records. */
    public static Builder builder() {
        return new Builder();
    }

    /** How many records of {@code type}: 0 for a type that has none. */
    public long of(String type) {
        return counts.getOrDefault(type, 0L);
    }

    /** How many records of every type together. */
    public long total() {
        long total = 0;
        for (long n : counts.values()) {
            total = Math.addExact(total, n);
        }
        return total;
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The types with records, by name. */
    public Set<String> types() {
        return counts.keySet();
    }

    public CountsPerType plus(CountsPerType other) {
        if (other.isEmpty()) {
            return this;
        }
        return builder().add(this).add(other).build();
    }

    /**
     * These counts less {@code other}'s, type by type (a type that comes to zero is dropped). {@code other}
     * must be part of these: taking off more records of a type than there are is a mistake of the caller.
     */
    public CountsPerType minus(CountsPerType other) {
        if (other.isEmpty()) {
            return this;
        }
        SortedMap<String, Long> difference = new TreeMap<>(counts);
        other.counts.forEach((type, n) -> {
            long left = of(type) - n;
            if (left < 0) {
                throw new IllegalArgumentException(
                        "cannot take " + n + " records of type " + type + " off " + of(type));
            }
            if (left == 0) {
                difference.remove(type);
            } else {
                difference.put(type, left);
            }
        });
        return new CountsPerType(difference);
    }

    /** The counts by type name, in that order: what the JSON of an operation or a preview shows. */
    public SortedMap<String, Long> asMap() {
        return counts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CountsPerType that && counts.equals(that.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return counts.toString();
    }

    /** Adds counts up by type; {@link #build} takes what it has. Not safe for use by several threads. */
    public static final class Builder {

        private final SortedMap<String, Long> counts = new TreeMap<>();

        private Builder() {}

        /** {@code n} more records of {@code type}; a negative {@code n} is refused. */
        public Builder add(String type, long n) {
            Objects.requireNonNull(type, "type");
            if (n < 0) {
                throw new IllegalArgumentException("a count of records cannot be negative: " + type + " " + n);
            }
            if (n > 0) {
                counts.merge(type, n, Math::addExact);
            }
            return this;
        }

        /** Every count of {@code more}. */
        public Builder add(CountsPerType more) {
            more.counts.forEach(this::add);
            return this;
        }

        /** One more record of {@code type}. */
        public Builder add(String type) {
            return add(type, 1);
        }

        public CountsPerType build() {
            return counts.isEmpty() ? NONE : new CountsPerType(new TreeMap<>(counts));
        }
    }
}
