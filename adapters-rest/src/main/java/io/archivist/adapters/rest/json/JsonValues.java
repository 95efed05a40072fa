package io.archivist.adapters.rest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Limits;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as the domain keeps attributes: String, Long, Double, Boolean, null, List, Map.
 * What some store could not keep faithfully is refused by R14's {@link Limits}, as for seeds.
 */
public final class JsonValues {

    static final int MAX_NUMBER_LENGTH = 64;

    private JsonValues() {}

    static Map<String, Object> object(ObjectNode node, String path) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            String name =
                    Limits.requireName(checkText(member.getKey(), path), "attribute name in " + Limits.quote(path));
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
                throw ArchivistException.invalid("'" + Limits.quote(path) + "' is not a JSON value");
        }
    }

    private static Object number(JsonNode node, String path) {
        return Limits.number(node.isIntegralNumber() ? node.bigIntegerValue() : node.decimalValue(), path);
    }

    static String checkText(String text, String path) {
        return Limits.text(text, path);
    }
}
