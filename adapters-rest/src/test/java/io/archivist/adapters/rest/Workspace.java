package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** One workspace as the tests drive it: tokens per role and short ways to define types and create records. */
final class Workspace {

    final Api api;
    final String name;
    final String admin;
    final String manager;
    final String member;

    Workspace(Api api, String name) {
        this.api = api;
        this.name = name;
        this.admin = Tokens.of("root-admin", name, "ADMIN");
        this.manager = Tokens.of("jo", name, "JOURNEY_MANAGER");
        this.member = Tokens.of("mia", name, "MEMBER");
    }

    void type(String name, boolean archivable, String... parents) {
        typeJson(name, "{\"archivable\": " + archivable + ", \"parents\": " + quoted(parents) + "}");
    }

    void typeJson(String name, String body) {
        Api.Response defined = api.put("/api/v1/object-types/" + name, admin, body);
        assertEquals(200, defined.status(), defined::toString);
    }

    /** Creates a record and returns its id. */
    String create(String type, String attributesJson, String... parents) {
        Api.Response created = api.post(
                "/api/v1/records",
                admin,
                "{\"type\": \"" + type + "\", \"attributes\": " + attributesJson + ", \"parents\": " + quoted(parents)
                        + "}");
        assertEquals(201, created.status(), created::toString);
        return created.json().path("id").asText();
    }

    JsonNode get(String id) {
        Api.Response found = api.get("/api/v1/records/" + id, admin);
        assertEquals(200, found.status(), found::toString);
        return found.json();
    }

    int status(String id) {
        return api.get("/api/v1/records/" + id, admin).status();
    }

    boolean archived(String id) {
        return get(id).path("archived").asBoolean();
    }

    Api.Response delete(String id) {
        return api.delete("/api/v1/records/" + id, admin);
    }

    Api.Response restore(String id) {
        return api.post("/api/v1/records/" + id + "/restore", admin, null);
    }

    static String quoted(String... values) {
        return Arrays.stream(values).map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    static String ids(List<String> ids) {
        return "{\"ids\": " + quoted(ids.toArray(String[]::new)) + "}";
    }
}
