package io.archivist.adapters.rest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archivist.domain.ArchivistException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as the domain keeps attributes: String, Long, Double, Boolean, null, List, Map.
 * Refuses what some store could not keep faithfully: numbers beyond a 64-bit integer or a finite
 * double, and text with NUL or half a surrogate pair (PostgreSQL's jsonb rejects both).
 */
public final class JsonValues {

    static final int MAX_NUMBER_LENGTH = 64;

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private JsonValues() {
    }

    static Map<String, Object> object(ObjectNode node, String path) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            String name = checkText(member.getKey(), path);
            map.put(name, value(member.getValue(), path + "." + name));
        }
        return map;
    }

    private static Object value(JsonNode node, String path) {
        switch (node.getNodeType()) {
            case NULL:
                return null;
            case BOOLEAN:
                return node.booleanValue();
            case STRING:
                return checkText(node.textValue(), path);
            case NUMBER:
                return number(node, path);
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                int index = 0;
                for (JsonNode item : node) {
                    list.add(value(item, path + "[" + index++ + "]"));
                }
                return list;
            }
            case OBJECT:
                return object((ObjectNode) node, path);
            default:
                throw ArchivistException.invalid("'" + shorten(path) + "' is not a JSON value");
        }
    }

    private static Object number(JsonNode node, String path) {
        if (node.isIntegralNumber()) {
            BigInteger integer = node.bigIntegerValue();
            if (integer.compareTo(LONG_MIN) < 0 || integer.compareTo(LONG_MAX) > 0) {
                throw ArchivistException.invalid("'" + shorten(path) + "' is beyond a 64-bit integer");
            }
            return integer.longValue();
        }
        BigDecimal decimal = node.decimalValue();
        double value = decimal.doubleValue();
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            throw ArchivistException.invalid("'" + shorten(path) + "' is beyond a double-precision number");
        }
        return value;
    }

    /** NUL and lone surrogates cannot be stored as text by every store, so they are refused up front. */
    static String checkText(String text, String path) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw ArchivistException.invalid("'" + shorten(path) + "' holds a NUL character");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw ArchivistException.invalid("'" + shorten(path) + "' holds half a UTF-16 surrogate pair");
            }
            if (Character.isLowSurrogate(c)) {
                throw ArchivistException.invalid("'" + shorten(path) + "' holds half a UTF-16 surrogate pair");
            }
        }
        return text;
    }

    /** Client text echoed in an error message stays short. */
    public static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
