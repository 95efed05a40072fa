package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/lifecycle.md and docs/api.md: the catalog; admins define types; invariants are a 422. */
class ObjectTypeApiIT extends ApiTest {

    @Test
    void admins_define_types_and_everyone_reads_the_catalog() {
        Workspace ws = workspace();
        Api.Response defined = api().put(
                        "/api/v1/object-types/project",
                        ws.admin,
                        "{\"archivable\": true, \"unique\": [\"code\"], \"retention\": \"P30D\"}");
        assertEquals(200, defined.status(), defined::toString);
        assertEquals("project", defined.json().path("name").asText());
        assertEquals("P30D", defined.json().path("retention").asText());
        ws.type("task", true, "project");

        Api.Response one = api().get("/api/v1/object-types/task", ws.member);
        assertEquals(200, one.status());
        assertEquals("project", one.json().path("parents").get(0).asText());
        assertTrue(one.json().path("archivable").asBoolean());
        assertTrue(one.json().path("retention").isNull());

        List<String> names = new ArrayList<>();
        api().get("/api/v1/object-types", ws.member)
                .json()
                .path("items")
                .forEach(t -> names.add(t.path("name").asText()));
        assertTrue(names.containsAll(List.of("user", "project", "task")), names::toString);

        Api.Response changed = api().put(
                        "/api/v1/object-types/task",
                        ws.admin,
                        "{\"name\": \"task\", \"archivable\": true, \"parents\": [\"project\"], \"unique\": [\"title\"]}");
        assertEquals(200, changed.status());
        assertEquals(
                "title",
                api().get("/api/v1/object-types/task", ws.member)
                        .json()
                        .path("unique")
                        .get(0)
                        .asText());
    }

    @Test
    void r11_an_archived_record_of_a_type_with_retention_shows_purge_after() {
        Workspace ws = workspace();
        ws.typeJson("ticket", "{\"archivable\": true, \"retention\": \"P30D\"}");
        String ticket = ws.create("ticket", "{}");
        ws.delete(ticket);
        JsonNode record = ws.get(ticket);
        String deletedAt = record.path("deleted_at").asText();
        assertEquals(
                java.time.Instant.parse(deletedAt)
                        .plus(java.time.Duration.ofDays(30))
                        .toString(),
                record.path("purge_after").asText());
    }

    @Test
    void catalog_invariants_are_422_invalid_object_type() {
        Workspace ws = workspace();
        ws.type("project", true);
        for (String[] refused : new String[][] {
            {"orphan", "{\"archivable\": true, \"parents\": [\"nothing\"]}"},
            {"fixed", "{\"archivable\": false, \"parents\": [\"project\"]}"},
            {"Bad-Name", "{\"archivable\": true}"},
            {"kept", "{\"archivable\": false, \"retention\": \"P1D\"}"},
            {"soon", "{\"archivable\": true, \"retention\": \"tomorrow\"}"},
            {"user", "{\"archivable\": false}"}
        }) {
            Api.Response response = api().put("/api/v1/object-types/" + refused[0], ws.admin, refused[1]);
            assertEquals(422, response.status(), refused[0] + " -> " + response);
            assertEquals("INVALID_OBJECT_TYPE", response.code());
        }
        ws.type("task", true, "project");
        Api.Response cycle =
                api().put("/api/v1/object-types/project", ws.admin, "{\"archivable\": true, \"parents\": [\"task\"]}");
        assertEquals(422, cycle.status());
        assertEquals("INVALID_OBJECT_TYPE", cycle.code());
    }

    @Test
    void only_admins_define_types() {
        Workspace ws = workspace();
        for (String token : List.of(ws.member, ws.manager)) {
            Api.Response refused = api().put("/api/v1/object-types/project", token, "{\"archivable\": true}");
            assertEquals(403, refused.status());
            assertEquals("FORBIDDEN", refused.code());
        }
        assertEquals(404, api().get("/api/v1/object-types/project", ws.member).status());
        assertEquals(
                200,
                api().put(
                                "/api/v1/object-types/project",
                                Tokens.of("boss", ws.name, "SUPER_ADMIN"),
                                "{\"archivable\": true}")
                        .status());
    }

    @Test
    void unknown_types_are_404_and_bad_bodies_400() {
        Workspace ws = workspace();
        Api.Response unknown = api().get("/api/v1/object-types/nothing", ws.member);
        assertEquals(404, unknown.status());
        assertEquals("TYPE_NOT_FOUND", unknown.code());
        assertEquals(
                400,
                api().put("/api/v1/object-types/project", ws.admin, "{\"name\": \"other\", \"archivable\": true}")
                        .status(),
                "the path names the type");
        assertEquals(
                400,
                api().put("/api/v1/object-types/project", ws.admin, "{\"archivable\": \"yes\"}")
                        .status());
        assertEquals(
                400,
                api().put("/api/v1/object-types/project", ws.admin, "{\"parents\": \"user\"}")
                        .status());
        assertEquals(
                400,
                api().put("/api/v1/object-types/project", ws.admin, "{\"colour\": 1}")
                        .status());
        assertEquals(404, api().get("/api/v1/object-types/project", ws.member).status(), "nothing was defined");
    }
}
