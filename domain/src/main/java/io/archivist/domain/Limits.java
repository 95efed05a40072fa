package io.archivist.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * R14's limits on what a client or a seed may write, decided here once so that a request and a
 * seed are held to the same ones: names, keys and actors of at most {@value #MAX_NAME_LENGTH}
 * characters, JSON nested at most {@value #MAX_JSON_DEPTH} levels counted from the record (a request
 * body, or a record's entry in a seed), integers of 64 bits, finite doubles, text every store keeps
 * (no NUL, no half surrogate pair), and times every store's column holds. Client text quoted in a
 * message is cut by {@link #quote}.
 */
public final class Limits {

    public static final int MAX_NAME_LENGTH = 255;
    public static final int MAX_JSON_DEPTH = 32;
    /** How much of a client's text a message quotes. */
    public static final int QUOTED_LENGTH = 64;
    /**
     * The times a record may carry: MariaDB's DATETIME ends with year 9999, and before the Unix
     * epoch the stores' drivers disagree about calendars and zones.
     */
    public static final Instant EARLIEST_TIME = Instant.parse("1970-01-01T00:00:00Z");

    public static final Instant LATEST_TIME = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** A record's key (docs/lifecycle.md#concepts): an external slug of at most {@value #MAX_NAME_LENGTH} characters. */
    public static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0," + (MAX_NAME_LENGTH - 1) + "}");

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Limits() {}

    /** Client text as a message quotes it: at most {@value #QUOTED_LENGTH} characters, then an ellipsis. */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        if (text.length() <= QUOTED_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(QUOTED_LENGTH - 1)) ? QUOTED_LENGTH - 1 : QUOTED_LENGTH;
        return text.substring(0, end) + "…";
    }

    /** A key, name or actor: at most {@value #MAX_NAME_LENGTH} characters (VALIDATION_FAILED beyond). */
    public static String requireName(String text, String what) {
        if (text != null && text.length() > MAX_NAME_LENGTH) {
            throw ArchivistException.invalid(what + " '" + quote(text) + "' is longer than " + MAX_NAME_LENGTH
                    + " characters (" + text.length() + ")");
        }
        return text;
    }

    /** A record's key, refused (VALIDATION_FAILED) unless it has the form of {@link #KEY}. */
    public static String requireKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw ArchivistException.invalid("key '" + quote(key) + "' must match " + KEY.pattern());
        }
        return key;
    }

    /** A time a record may carry; {@code what} names it in the refusal. */
    public static Instant requireStorableTime(Instant time, String what) {
        if (time.isBefore(EARLIEST_TIME) || time.isAfter(LATEST_TIME)) {
            throw ArchivistException.invalid(what + " " + quote(time.toString())
                    + " is outside the times the store keeps (" + EARLIEST_TIME + " to " + LATEST_TIME + ")");
        }
        return time;
    }

    /**
     * A record's attributes as the stores keep them: member names checked as names, integers as Long,
     * other numbers as Double, nested at most {@value #MAX_JSON_DEPTH} levels (the attributes object is
     * the record's second level). Refuses, naming the path, what a store could not keep faithfully.
     */
    public static Map<String, Object> attributes(Map<String, Object> attributes) {
        return object(attributes, "attributes", 2);
    }

    private static Map<String, Object> object(Map<?, ?> object, String path, int depth) {
        requireDepth(path, depth);
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> member : object.entrySet()) {
            if (!(member.getKey() instanceof String name)) {
                throw ArchivistException.invalid("'" + quote(path) + "' has a member name that is not text");
            }
            requireName(text(name, path), "attribute name in " + quote(path));
            copy.put(name, value(member.getValue(), path + "." + name, depth));
        }
        return copy;
    }

    private static Object value(Object value, String path, int depth) {
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof String text) {
            return text(text, path);
        }
        if (value instanceof Number number) {
            return number(number, path);
        }
        if (value instanceof Map<?, ?> map) {
            return object(map, path, depth + 1);
        }
        if (value instanceof List<?> list) {
            requireDepth(path, depth + 1);
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(value(list.get(i), path + "[" + i + "]", depth + 1));
            }
            return copy;
        }
        throw ArchivistException.invalid("'" + quote(path) + "' is not a JSON value");
    }

    private static void requireDepth(String path, int depth) {
        if (depth > MAX_JSON_DEPTH) {
            throw ArchivistException.invalid(
                    "'" + quote(path) + "' nests deeper than " + MAX_JSON_DEPTH + " levels, counted from the record");
        }
    }

    /**
     * The length of {@code value} as JSON text, near enough to budget a page's bytes (R14) without
     * writing it: strings count their characters and quotes, numbers and literals their usual width.
     */
    public static long jsonLength(Object value) {
        if (value == null || value instanceof Boolean) {
            return 5;
        }
        if (value instanceof String text) {
            return text.length() + 2L;
        }
        if (value instanceof Map<?, ?> map) {
            long length = 2;
            for (Map.Entry<?, ?> member : map.entrySet()) {
                length += jsonLength(String.valueOf(member.getKey())) + 2 + jsonLength(member.getValue());
            }
            return length;
        }
        if (value instanceof List<?> list) {
            long length = 2;
            for (Object item : list) {
                length += jsonLength(item) + 1;
            }
            return length;
        }
        return String.valueOf(value).length();
    }

    /** Integers must fit 64 bits and other numbers a finite double, which every store keeps exactly. */
    public static Object number(Number number, String path) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        if (number instanceof Double || number instanceof Float) {
            return finite(number.doubleValue(), path);
        }
        if (number instanceof BigInteger integer) {
            if (integer.compareTo(LONG_MIN) < 0 || integer.compareTo(LONG_MAX) > 0) {
                throw ArchivistException.invalid("'" + quote(path) + "' is beyond a 64-bit integer");
            }
            return integer.longValue();
        }
        if (number instanceof BigDecimal decimal) {
            return finite(decimal.doubleValue(), path);
        }
        throw ArchivistException.invalid("'" + quote(path) + "' is not a JSON number");
    }

    private static double finite(double value, String path) {
        if (!Double.isFinite(value)) {
            throw ArchivistException.invalid("'" + quote(path) + "' is beyond a double-precision number");
        }
        return value;
    }

    /** NUL and lone surrogates cannot be stored as text by every store (PostgreSQL refuses both). */
    public static String text(String text, String path) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw ArchivistException.invalid("'" + quote(path) + "' holds a NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ArchivistException.invalid("'" + quote(path) + "' holds half a UTF-16 surrogate pair");
            }
        }
        return text;
    }
}
