package io.archivist.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 7396 JSON merge patch over attributes: a null removes a member, an object merges deeply. */
public final class AttributesPatch {

    private AttributesPatch() {}

    public static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> result = new LinkedHashMap<>(target);
        for (Map.Entry<String, Object> member : patch.entrySet()) {
            Object value = member.getValue();
            if (value == null) {
                result.remove(member.getKey());
            } else if (value instanceof Map<?, ?> nestedPatch) {
                Object current = result.get(member.getKey());
                Map<String, Object> base = current instanceof Map<?, ?> map ? cast(map) : Map.of();
                result.put(member.getKey(), apply(base, cast(nestedPatch)));
            } else {
                result.put(member.getKey(), value);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
