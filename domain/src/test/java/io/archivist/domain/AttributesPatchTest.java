package io.archivist.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/api.md PATCH: attributes are merged as RFC 7396 says. */
class AttributesPatchTest {

    /** Map.of refuses nulls, and a merge patch is made of them. */
    private static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void rfc7396_a_member_is_added_or_replaced_and_the_others_kept() {
        assertEquals(
                json("name", "Ann", "email", "ann@globex", "city", "Oslo"),
                AttributesPatch.apply(
                        json("name", "Ann", "email", "ann@acme"), json("email", "ann@globex", "city", "Oslo")));
    }

    @Test
    void rfc7396_a_null_removes_a_member_and_a_null_for_an_absent_one_changes_nothing() {
        assertEquals(
                json("name", "Ann"),
                AttributesPatch.apply(json("name", "Ann", "email", "ann@acme"), json("email", null, "phone", null)));
    }

    @Test
    void rfc7396_objects_merge_deeply() {
        Map<String, Object> target = json("address", json("city", "Oslo", "zip", "0150", "geo", json("lat", 59.9)));
        Map<String, Object> patch =
                json("address", json("zip", null, "street", "Storgata 1", "geo", json("lon", 10.7)));
        assertEquals(
                json("address", json("city", "Oslo", "street", "Storgata 1", "geo", json("lat", 59.9, "lon", 10.7))),
                AttributesPatch.apply(target, patch));
    }

    @Test
    void rfc7396_an_object_replaces_a_scalar_without_its_nulls() {
        assertEquals(
                json("address", json("city", "Oslo")),
                AttributesPatch.apply(json("address", "Oslo"), json("address", json("city", "Oslo", "zip", null))));
    }

    @Test
    void rfc7396_arrays_are_replaced_whole() {
        assertEquals(
                json("tags", List.of("c")),
                AttributesPatch.apply(json("tags", List.of("a", "b")), json("tags", List.of("c"))));
        assertEquals(
                json("tags", List.of()), AttributesPatch.apply(json("tags", List.of("a")), json("tags", List.of())));
    }

    @Test
    void rfc7396_an_empty_patch_changes_nothing_and_the_target_is_never_modified() {
        Map<String, Object> nested = new HashMap<>(json("city", "Oslo"));
        Map<String, Object> target = new HashMap<>(json("name", "Ann", "address", nested));
        Map<String, Object> before = Map.copyOf(target);
        assertEquals(target, AttributesPatch.apply(target, json()));
        AttributesPatch.apply(target, json("name", null, "address", json("city", null)));
        assertEquals(before, target);
        assertEquals(json("city", "Oslo"), nested);
    }
}
