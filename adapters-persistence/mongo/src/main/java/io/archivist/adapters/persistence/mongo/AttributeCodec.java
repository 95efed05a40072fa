package io.archivist.adapters.persistence.mongo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Attributes (a JSON object as plain Java values) to BSON and back. Keys are escaped so that any
 * JSON key is a legal field name (no '.', no leading '$'); numbers keep their value exactly.
 */
final class AttributeCodec {

    private AttributeCodec() {}

    static Document encode(Map<String, Object> attributes) {
        Document document = new Document();
        attributes.forEach((key, value) -> document.append(escape(key), encodeValue(value)));
        return document;
    }

    static Map<String, Object> decode(Document document) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (document != null) {
            document.forEach((key, value) -> attributes.put(unescape(key), decodeValue(value)));
        }
        return attributes;
    }

    @SuppressWarnings("unchecked")
    private static Object encodeValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return encode((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> encoded = new ArrayList<>(list.size());
            list.forEach(item -> encoded.add(encodeValue(item)));
            return encoded;
        }
        if (value instanceof BigDecimal decimal) {
            return new Decimal128(decimal);
        }
        if (value instanceof BigInteger integer) {
            return integer.bitLength() < 64 ? (Object) integer.longValue() : new Decimal128(new BigDecimal(integer));
        }
        if (value instanceof Float || value instanceof Short || value instanceof Byte) {
            return value instanceof Float f ? (Object) f.doubleValue() : (Object) ((Number) value).intValue();
        }
        return value;
    }

    private static Object decodeValue(Object value) {
        if (value instanceof Document document) {
            return decode(document);
        }
        if (value instanceof List<?> list) {
            List<Object> decoded = new ArrayList<>(list.size());
            list.forEach(item -> decoded.add(decodeValue(item)));
            return decoded;
        }
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        return value;
    }

    static String escape(String key) {
        StringBuilder escaped = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '%' || c == '.' || (c == '$' && i == 0) || c == '\0') {
                escaped.append('%').append(String.format("%02X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String unescape(String key) {
        if (key.indexOf('%') < 0) {
            return key;
        }
        StringBuilder plain = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '%' && i + 2 < key.length()) {
                plain.append((char) Integer.parseInt(key.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}
