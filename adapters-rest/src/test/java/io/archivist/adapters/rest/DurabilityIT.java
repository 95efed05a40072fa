package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.archivist.adapters.rest.AcknowledgedWrites.Fate;
import io.archivist.adapters.rest.AcknowledgedWrites.Round;
import io.archivist.adapters.rest.AcknowledgedWrites.Sent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * R15 on every store: the service, a process of its own, acknowledges concurrent writes and is killed
 * (SIGKILL, no shutdown) right after the last answer; started again on the same data, it has every
 * acknowledged change, I1-I4 hold, and every retry with an Idempotency-Key gets its first answer
 * without acting again.
 */
class DurabilityIT {

    private static final int WRITERS = 4;
    private static final int ROUNDS = 6;

    @ParameterizedTest
    @EnumSource(CrashStores.class)
    void r15_every_acknowledged_write_survives_a_kill_9(CrashStores store) throws Exception {
        Path dir = Path.of("target", "test-data", "DurabilityTest-" + store + "-" + UUID.randomUUID());
        Path log = dir.resolve("service.log");
        try (CrashStores.Opened opened = store.open(dir)) {
            Map<String, String> properties = new HashMap<>(opened.properties());
            properties.put("archivist.jwt.secret", Tokens.SECRET);
            AcknowledgedWrites writes;
            try (ServiceProcess service = ServiceProcess.start(log, properties)) {
                writes = new AcknowledgedWrites(new Api(service.uri()));
                writes.defineTypes();
                writes.run(WRITERS, ROUNDS);
                long lastAnswer = System.nanoTime();
                service.kill();
                System.out.printf(
                        "%s: %d requests acknowledged, killed %.1f ms after the last answer%n",
                        store, writes.sent.size(), (System.nanoTime() - lastAnswer) / 1e6);
            }
            try (ServiceProcess restarted = ServiceProcess.start(log, properties)) {
                Api api = new Api(restarted.uri());
                for (Round round : writes.rounds) {
                    assertRoundKept(api, round);
                }
                Map<String, JsonNode> before = everyRecord(api);
                assertInvariants(api, writes.rounds, before);
                for (Sent sent : writes.sent) {
                    Api.Response again = api.send(
                            sent.method(), sent.path(), sent.token(), sent.body(), "Idempotency-Key", sent.key());
                    assertEquals(sent.status(), again.status(), () -> "retry of " + sent + ": " + again);
                    assertEquals(sent.answer(), again.text(), () -> "retry of " + sent.method() + " " + sent.path());
                    assertEquals("true", again.header("Idempotent-Replayed").orElse(""), sent::toString);
                }
                assertEquals(before, everyRecord(api), "a retry acted again");
            }
        }
    }

    private static void assertRoundKept(Api api, Round round) {
        for (String id : round.records()) {
            Api.Response found = api.get("/api/v1/records/" + id, round.token());
            if (round.fate() == Fate.PURGED) {
                assertEquals(404, found.status(), () -> "purged " + id + ": " + found);
                continue;
            }
            assertEquals(200, found.status(), () -> "acknowledged " + id + " (" + round.fate() + "): " + found);
            JsonNode record = found.json();
            assertEquals(round.fate() == Fate.ARCHIVED, record.path("archived").asBoolean(), found::toString);
            if (round.fate() == Fate.ARCHIVED) {
                assertEquals(
                        round.archiveOperation(),
                        record.path("archive_operation").asText(),
                        found::toString);
            }
            if (id.equals(round.firstTask())) {
                assertEquals("patched", record.path("attributes").path("title").asText(), found::toString);
            }
            if (id.equals(round.project())) {
                assertEquals(round.projectVersion(), record.path("version").asLong(), found::toString);
            }
        }
        for (String operation : round.operations()) {
            Api.Response found = api.get("/api/v1/operations/" + operation, round.token());
            assertEquals(200, found.status(), () -> "acknowledged operation " + operation + ": " + found);
        }
    }

    /** I1-I4 over every record of the workspace, against what the writers were told. */
    private static void assertInvariants(Api api, List<Round> rounds, Map<String, JsonNode> records) {
        Set<String> purged = new HashSet<>();
        Set<String> archiveOperations = new HashSet<>();
        int created = 0;
        for (Round round : rounds) {
            created += round.records().size();
            archiveOperations.add(round.archiveOperation());
            if (round.fate() == Fate.PURGED) {
                purged.addAll(round.records());
            }
        }
        assertEquals(created, records.size() + purged.size(), "I4: created = active + archived + purged");
        for (JsonNode record : records.values()) {
            for (JsonNode parent : record.path("parents")) {
                assertTrue(!purged.contains(parent.asText()), () -> "I3: " + record);
                JsonNode parentRecord = records.get(parent.asText());
                assertTrue(parentRecord != null, () -> "I1: a missing parent of " + record);
                if (!record.path("archived").asBoolean()) {
                    assertTrue(!parentRecord.path("archived").asBoolean(), () -> "I1: " + record);
                }
            }
            if (record.path("archived").asBoolean()) {
                assertTrue(
                        archiveOperations.contains(
                                record.path("archive_operation").asText()),
                        () -> "I2: " + record);
            }
        }
    }

    /** Every record of the workspace, active and archived, by id. */
    private static Map<String, JsonNode> everyRecord(Api api) {
        Map<String, JsonNode> records = new TreeMap<>();
        String token = AcknowledgedWrites.token(0);
        for (String type : List.of("project", "task")) {
            String cursor = null;
            do {
                Api.Response page = api.get(
                        "/api/v1/records?type=" + type + "&archived=any&limit=500"
                                + (cursor == null
                                        ? ""
                                        : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                        token);
                assertEquals(200, page.status(), page::toString);
                List<JsonNode> items = new ArrayList<>();
                page.json().path("items").forEach(items::add);
                items.forEach(item -> records.put(item.path("id").asText(), item));
                cursor = page.json().path("next_cursor").isNull()
                        ? null
                        : page.json().path("next_cursor").asText();
            } while (cursor != null);
        }
        return records;
    }
}
