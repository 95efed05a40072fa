package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.archivist.domain.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * R11 in the running service: the scheduled job purges archived records once their type's
 * retention has passed, through the purge-expired use case, as operations by {@code system}.
 */
class RetentionApiIT extends ApiTest {

    @Override
    Map<String, String> moreProperties() {
        return Map.of(
                "archivist.retention.enabled",
                "true",
                "archivist.retention.interval",
                "200ms",
                "archivist.retention.initial-delay",
                "0s",
                "archivist.test.record-retention",
                "true");
    }

    @Test
    void r11_the_scheduled_job_purges_expired_records_as_system() throws InterruptedException {
        Workspace ws = workspace();
        ws.typeJson("ticket", "{\"archivable\": true, \"retention\": \"PT1S\"}");
        ws.type("reply", true, "ticket");
        ws.type("project", true);
        String ticket = ws.create("ticket", "{}");
        String reply = ws.create("reply", "{}", ticket);
        String kept = ws.create("project", "{}");
        ws.delete(kept);
        JsonNode archived = ws.delete(ticket).json().path("record");
        assertEquals(
                Instant.parse(archived.path("deleted_at").asText())
                        .plusSeconds(1)
                        .toString(),
                archived.path("purge_after").asText());

        // The job runs on its own every 200ms: wait (bounded) until it has purged the ticket.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (ws.status(ticket) != 404 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals(404, ws.status(ticket), "purged once its retention passed");
        assertEquals(404, ws.status(reply), "with its dependents (R3)");
        assertTrue(ws.archived(kept), "a type without retention keeps its archived records");

        Operation purge = bean(RecordingRetention.class).operations.stream()
                .filter(op -> op.roots().stream().anyMatch(id -> id.toString().equals(ticket)))
                .findFirst()
                .orElseThrow();
        Api.Response read = api().get("/api/v1/operations/" + purge.id(), ws.admin);
        assertEquals(200, read.status(), read::toString);
        assertEquals("purge", read.json().path("kind").asText());
        assertEquals("system", read.json().path("actor").asText());
        assertEquals(1, read.json().path("counts").path("ticket").asLong());
        assertEquals(1, read.json().path("counts").path("reply").asLong());
    }
}
