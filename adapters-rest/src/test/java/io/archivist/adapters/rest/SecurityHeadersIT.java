package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/quality.md: CSP, nosniff and no-store on every answer, whoever writes it. */
class SecurityHeadersIT extends ApiTest {

    @Test
    void every_answer_carries_the_security_headers() {
        Workspace ws = workspace();
        ws.type("project", true);
        String project = ws.create("project", "{}");
        Map<String, Api.Response> answers = new LinkedHashMap<>();
        answers.put("a record", api().get("/api/v1/records/" + project, ws.admin));
        answers.put(
                "a created record",
                api().post("/api/v1/records", ws.admin, "{\"type\": \"project\", \"attributes\": {}}"));
        answers.put("a problem document", api().get("/api/v1/records/0190a0d4-0000-7000-8000-000000000000", ws.admin));
        answers.put("a 403", api().delete("/api/v1/records/" + project, ws.member));
        answers.put("a 401 of the security filter", api().get("/api/v1/records", null));
        answers.put("a path that exists nowhere", api().get("/api/v1/nowhere", ws.admin));
        answers.put("/health", api().get("/health", null));
        answers.put("/openapi.yml", api().get("/openapi.yml", null));
        answers.put("the console", api().get("/", null));
        answers.put("a console asset", api().get("/assets/console.js", null));

        answers.forEach((what, answer) -> {
            assertTrue(answer.status() < 500, what + " -> " + answer.status());
            String policy = answer.header("Content-Security-Policy").orElse("");
            assertTrue(
                    policy.contains("default-src 'none'")
                            && policy.contains("script-src 'self'")
                            && policy.contains("frame-ancestors 'none'"),
                    what + ": " + policy);
            assertEquals("nosniff", answer.header("X-Content-Type-Options").orElse(""), what);
            assertEquals("no-store", answer.header("Cache-Control").orElse(""), what);
        });
        assertEquals(401, answers.get("a 401 of the security filter").status());
        assertEquals(200, answers.get("a console asset").status());
    }
}
