package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** R14 over HTTP: archivist.catalog.max-types bounds a workspace's types, for PUT /object-types and seeds alike. */
class CatalogLimitApiIT extends ApiTest {

    /** A small limit, so that the test of it stays small. */
    static final int LIMIT = 3;

    @Override
    Map<String, String> moreProperties() {
        return Map.of("archivist.catalog.max-types", String.valueOf(LIMIT));
    }

    @Test
    void r14_one_type_more_than_max_types_is_a_422_limit_exceeded_and_defines_nothing() {
        Workspace ws = workspace();
        ws.type("a", true);
        ws.type("b", true, "a");
        ws.type("c", true, "b");
        Api.Response refused = api().put("/api/v1/object-types/d", ws.admin, "{\"archivable\": true}");
        assertEquals(422, refused.status(), refused::toString);
        assertEquals("LIMIT_EXCEEDED", refused.code());
        String detail = refused.json().path("detail").asText();
        assertTrue(detail.contains("'d'") && detail.contains("at most 3"), detail);
        assertEquals(404, api().get("/api/v1/object-types/d", ws.member).status());
        Api.Response changed =
                api().put("/api/v1/object-types/c", ws.admin, "{\"archivable\": true, \"parents\": [\"a\"]}");
        assertEquals(200, changed.status(), "a change of a defined type adds none: " + changed);
    }

    @Test
    void r14_a_seed_past_max_types_is_a_422_limit_exceeded_and_imports_nothing() {
        Workspace ws = workspace();
        String seed = "{\"object_types\": [{\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"c\"}, {\"name\": \"d\"}],"
                + " \"records\": [{\"key\": \"one\", \"type\": \"a\"}]}";
        Api.Response refused = api().post("/api/v1/seeds", ws.admin, seed);
        assertEquals(422, refused.status(), refused::toString);
        assertEquals("LIMIT_EXCEEDED", refused.code());
        assertTrue(refused.json().path("detail").asText().contains("/object_types/3"), refused::toString);
        assertEquals(404, api().get("/api/v1/object-types/a", ws.member).status(), "nothing imported");
        Api.Response fits = api().post("/api/v1/seeds", ws.admin, seed.replace(", {\"name\": \"d\"}", ""));
        assertEquals(200, fits.status(), fits::toString);
    }
}
