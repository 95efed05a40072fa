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
    void s1_a_type_names_its_records_by_its_title_attribute_else_their_key_else_their_id() {
        Workspace ws = workspace();
        Api.Response defined = api().put(
                        "/api/v1/object-types/journey",
                        ws.admin,
                        "{\"archivable\": true, \"title_attribute\": \"name\"}");
        assertEquals(200, defined.status(), defined::toString);
        assertEquals("name", defined.json().path("title_attribute").asText());
        assertEquals(
                "name",
                api().get("/api/v1/object-types/journey", ws.member)
                        .json()
                        .path("title_attribute")
                        .asText());
        ws.type("step", true, "journey");
        assertTrue(api().get("/api/v1/object-types/step", ws.member)
                .json()
                .path("title_attribute")
                .isNull());
        assertEquals(
                "username",
                api().get("/api/v1/object-types/user", ws.member)
                        .json()
                        .path("title_attribute")
                        .asText(),
                "the built-in user is named by its username");

        String titled = ws.create("journey", "{\"name\": \"Onboarding\"}");
        assertEquals("Onboarding", ws.get(titled).path("title").asText());
        Api.Response keyed = api().post(
                        "/api/v1/records",
                        ws.admin,
                        "{\"type\": \"journey\", \"key\": \"j-2\", \"attributes\": {\"name\": 2}}");
        assertEquals(201, keyed.status(), keyed::toString);
        assertEquals("j-2", keyed.json().path("title").asText(), "not a string: the key");
        String bare = ws.create("step", "{\"name\": \"Week 1\"}", titled);
        assertEquals(bare, ws.get(bare).path("title").asText(), "no title attribute, no key: the id");

        ws.delete(titled);
        assertEquals("Onboarding", ws.get(titled).path("title").asText(), "an archived record keeps its title");
        Api.Response listed = api().get("/api/v1/records?type=journey&archived=any", ws.member);
        List<String> titles = new ArrayList<>();
        listed.json()
                .path("items")
                .forEach(item -> titles.add(item.path("title").asText()));
        assertEquals(List.of("Onboarding", "j-2"), titles);

        Api.Response renamed = api().put(
                        "/api/v1/object-types/journey", ws.admin, "{\"archivable\": true, \"title_attribute\": null}");
        assertEquals(200, renamed.status(), renamed::toString);
        assertTrue(renamed.json().path("title_attribute").isNull());
        assertEquals(titled, ws.get(titled).path("title").asText(), "a type without a title attribute any more");
    }

    @Test
    void a_title_attribute_is_a_name_422_when_blank_or_too_long_400_when_not_text() {
        Workspace ws = workspace();
        for (String body : List.of(
                "{\"archivable\": true, \"title_attribute\": \" \"}",
                "{\"archivable\": true, \"title_attribute\": \"" + "a".repeat(256) + "\"}")) {
            Api.Response refused = api().put("/api/v1/object-types/journey", ws.admin, body);
            assertEquals(422, refused.status(), refused::toString);
            assertEquals("INVALID_OBJECT_TYPE", refused.code());
        }
        Api.Response notText =
                api().put("/api/v1/object-types/journey", ws.admin, "{\"archivable\": true, \"title_attribute\": 3}");
        assertEquals(400, notText.status(), notText::toString);
        assertEquals("VALIDATION_FAILED", notText.code());
        assertEquals(404, api().get("/api/v1/object-types/journey", ws.member).status(), "nothing was defined");
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
