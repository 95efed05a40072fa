package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md#logs, in the service's own process as deployed: ARCHIVIST_LOG_FORMAT=json makes every line one
 * JSON object, and a request's lines carry its request id (MDC {@code request_id}) also where they are written on
 * the blocking executor, off the event loop; a format the service does not know falls back to text, with a warning,
 * and text lines carry the id in brackets.
 */
class LogsIT {

    @Test
    void json_logs_are_one_object_a_line_and_a_request_s_lines_carry_its_id() throws Exception {
        String log = logOfOneArchive("json", "logs-json-1");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (!line.isBlank()) {
                lines.add(Api.JSON.readTree(line)); // fails on any line that is not JSON
            }
        }
        assertTrue(lines.size() > 5, log);
        assertTrue(lines.stream()
                .allMatch(line -> line.path("level").isTextual()
                        && line.path("loggerName").isTextual()
                        && line.path("formattedMessage").isTextual()));
        List<JsonNode> ofTheRequest = lines.stream()
                .filter(line -> line.path("mdc").path("request_id").asText().equals("logs-json-1"))
                .toList();
        assertEquals(1, ofTheRequest.size(), log);
        JsonNode operation = ofTheRequest.get(0);
        assertEquals("io.archivist.operations", operation.path("loggerName").asText());
        assertTrue(operation.path("formattedMessage").asText().startsWith("archive "), operation.toString());
        assertFalse(
                operation.path("threadName").asText().toLowerCase(Locale.ROOT).contains("loop"),
                "written on the blocking executor, where the request's work runs: " + operation);
        assertTrue(
                lines.stream().filter(line -> line.path("mdc").isEmpty()).count() > 0,
                "start-up lines belong to no request");
    }

    @Test
    void an_unknown_format_is_text_with_a_warning_and_text_lines_carry_the_id() throws Exception {
        String log = logOfOneArchive("xml", "logs-text-1");

        assertTrue(log.contains("ARCHIVIST_LOG_FORMAT=xml is neither text nor json: the log is text"), log);
        assertFalse(log.trim().startsWith("{"), log);
        assertTrue(
                log.lines().anyMatch(line -> line.contains("io.archivist.operations [logs-text-1] - archive ")), log);
    }

    /** The log of a service started with ARCHIVIST_LOG_FORMAT={@code format} that archived one record. */
    private static String logOfOneArchive(String format, String requestId) throws IOException, InterruptedException {
        Path dir = Path.of("target", "test-data", "LogsIT-" + format + "-" + UUID.randomUUID());
        Map<String, String> properties = Map.of(
                "archivist.jwt.secret",
                Tokens.SECRET,
                "archivist.data-dir",
                dir.resolve("data").toString(),
                // The service's own logging, not the logback-test.xml that a store's test-jar puts on the class path.
                "logback.configurationFile",
                Path.of("target", "classes", "logback.xml").toAbsolutePath().toString());
        try (ServiceProcess service =
                ServiceProcess.start(dir.resolve("service.log"), properties, Map.of("ARCHIVIST_LOG_FORMAT", format))) {
            Workspace ws = new Workspace(new Api(service.uri()), "logs");
            ws.type("note", true);
            String note = ws.create("note", "{}");
            Api.Response archived =
                    ws.api.send("DELETE", "/api/v1/records/" + note, ws.admin, null, "X-Request-Id", requestId);
            assertEquals(200, archived.status(), archived::toString);
            assertEquals(requestId, archived.header("X-Request-Id").orElseThrow());
            return service.log();
        }
    }
}
