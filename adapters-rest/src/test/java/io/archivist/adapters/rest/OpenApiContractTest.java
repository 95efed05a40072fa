package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.archivist.adapters.rest.problem.ProblemErrorResponseProcessor;
import io.archivist.domain.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The check every REST test's exchange goes through (OpenApiContract) fails when an answer drifts from
 * the generated document, and the document's problem codes are exactly the codes the service uses.
 */
class OpenApiContractTest {

    private static final String RESOURCE = "META-INF/swagger/archivist-0.1.0.yml";
    private static final String ID = "0190a0d4-0000-7000-8000-000000000000";
    private static final String RECORD =
            "{\"id\": \"" + ID + "\", \"key\": null, \"type\": \"project\", \"title\": \"Apollo\","
                    + " \"attributes\": {\"name\": \"Apollo\", \"budget\": 12.5, \"count\": 3, \"active\": true,"
                    + " \"tags\": [\"a\", null], \"owner\": {\"team\": 7}, \"gone\": null},"
                    + " \"parents\": [], \"deleted_at\": null, \"archived\": false, \"archive_operation\": null, \"version\": 1,"
                    + " \"created_at\": \"2025-01-15T09:00:00Z\", \"updated_at\": \"2025-01-15T09:00:00Z\","
                    + " \"created_by\": \"mia\", \"updated_by\": \"mia\"}";
    private static final String PROBLEM = "{\"type\": \"urn:archivist:problem:record-not-found\","
            + " \"title\": \"Record not found\", \"status\": 404, \"detail\": \"no such record\", \"code\": \"RECORD_NOT_FOUND\"}";

    private final String document = document();
    private final OpenApiContract contract = new OpenApiContract(document);

    @Test
    void a_record_with_attributes_of_every_json_kind_is_described() {
        Map<String, List<String>> token = Map.of("Authorization", List.of("Bearer any"));
        contract.check("GET", "/api/v1/records/" + ID, token, null, 200, json("ETag", "\"1\""), RECORD);
        contract.check("GET", "/api/v1/records/" + ID, token, null, 404, problem(), PROBLEM);
    }

    @Test
    void a_record_without_a_required_field_fails() {
        String drifted = RECORD.replace("\"version\": 1,", "");
        AssertionError failed = assertThrows(
                AssertionError.class,
                () -> contract.check(
                        "GET", "/api/v1/records/" + ID, Map.of(), null, 200, json("ETag", "\"1\""), drifted));
        assertTrue(failed.getMessage().contains("version"), failed.getMessage());
    }

    @Test
    void a_field_the_document_does_not_name_fails() {
        String drifted = RECORD.replace("\"archived\": false,", "\"archived\": false, \"in_trash\": false,");
        assertThrows(
                AssertionError.class,
                () -> contract.check(
                        "GET", "/api/v1/records/" + ID, Map.of(), null, 200, json("ETag", "\"1\""), drifted));
    }

    @Test
    void an_undocumented_status_or_a_code_outside_the_enum_fails() {
        assertThrows(
                AssertionError.class,
                () -> contract.check("GET", "/api/v1/records/" + ID, Map.of(), null, 418, problem(), PROBLEM));
        assertThrows(
                AssertionError.class,
                () -> contract.check(
                        "GET",
                        "/api/v1/records/" + ID,
                        Map.of(),
                        null,
                        404,
                        problem(),
                        PROBLEM.replace("RECORD_NOT_FOUND\"}", "NO_SUCH_THING\"}")));
    }

    @Test
    void a_created_record_without_its_location_fails() {
        String body = "{\"type\": \"project\", \"attributes\": {\"name\": \"Apollo\"}}";
        Map<String, List<String>> request =
                Map.of("Content-Type", List.of("application/json"), "Authorization", List.of("Bearer any"));
        contract.check(
                "POST",
                "/api/v1/records",
                request,
                body,
                201,
                json("ETag", "\"1\"", "Location", "/api/v1/records/" + ID),
                RECORD);
        assertThrows(
                AssertionError.class,
                () -> contract.check("POST", "/api/v1/records", request, body, 201, json("ETag", "\"1\""), RECORD));
    }

    @Test
    void list_records_names_every_finding_parameter_with_its_form() throws IOException {
        JsonNode list = new ObjectMapper(new YAMLFactory())
                .readTree(document)
                .path("paths")
                .path("/api/v1/records")
                .path("get");
        assertEquals("listRecords", list.path("operationId").asText());
        Map<String, JsonNode> parameters = new java.util.TreeMap<>();
        list.path("parameters").forEach(p -> parameters.put(p.path("name").asText(), p));
        assertEquals(
                new TreeSet<>(List.of(
                        "type",
                        "archived",
                        "parent",
                        "limit",
                        "cursor",
                        "key",
                        "q",
                        "archived_by",
                        "archived_after",
                        "archived_before",
                        "operation",
                        "sort")),
                parameters.keySet());
        parameters.values().forEach(p -> assertEquals("query", p.path("in").asText(), p.toString()));
        assertEquals(
                "date-time",
                parameters.get("archived_after").path("schema").path("format").asText());
        assertEquals(
                "uuid",
                parameters.get("operation").path("schema").path("format").asText());
        assertEquals(255, parameters.get("q").path("schema").path("maxLength").asInt());
        List<String> sorts = new java.util.ArrayList<>();
        parameters.get("sort").path("schema").path("enum").forEach(v -> sorts.add(v.asText()));
        assertEquals(List.of("id", "-deleted_at"), sorts);
        assertTrue(list.path("responses").has("400"), "bad parameters are a documented 400");
    }

    @Test
    void the_problem_codes_are_the_domain_codes_and_the_framework_codes() throws IOException {
        JsonNode schemas = new ObjectMapper(new YAMLFactory())
                .readTree(document)
                .path("components")
                .path("schemas");
        Set<String> documented = new TreeSet<>();
        schemas.path("ErrorCode").path("enum").forEach(code -> documented.add(code.asText()));
        schemas.path("HttpErrorCode").path("enum").forEach(code -> documented.add(code.asText()));
        Set<String> used = new TreeSet<>();
        Stream.of(ErrorCode.values()).map(Enum::name).forEach(used::add);
        Stream.of(ProblemErrorResponseProcessor.HttpCode.values())
                .map(Enum::name)
                .forEach(used::add);
        assertEquals(used, documented);
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 413, 415, 500, 503}) {
            String code = ProblemErrorResponseProcessor.code(status);
            assertTrue(documented.contains(code), status + " answers " + code + ", which the document does not list");
        }
    }

    private static HttpHeaders json(String... headers) {
        return headers("application/json", headers);
    }

    private static HttpHeaders problem() {
        return headers("application/problem+json");
    }

    private static HttpHeaders headers(String contentType, String... more) {
        Map<String, List<String>> all = new java.util.HashMap<>();
        all.put("Content-Type", List.of(contentType));
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], List.of(more[i + 1]));
        }
        return HttpHeaders.of(all, (name, value) -> true);
    }

    private static String document() {
        try (InputStream in = OpenApiContractTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
