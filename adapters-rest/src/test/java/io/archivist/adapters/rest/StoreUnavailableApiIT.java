package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** R14: when the database cannot be reached, a request is a 503 with Retry-After and no driver text. */
class StoreUnavailableApiIT extends ApiTest {

    @Test
    void with_the_database_closed_reads_and_writes_are_503_with_retry_after_and_no_driver_text() throws SQLException {
        Workspace ws = workspace();
        ws.type("note", true);
        String id = ws.create("note", "{}");
        // The embedded pool, behind the proxy Micronaut Data puts around each DataSource bean.
        bean(DataSource.class).unwrap(HikariDataSource.class).close();

        assertReadsAndWritesAreUnavailable(
                api(), ws, id, List.of("Hikari", "SQL", "jdbc", "Exception", "org.", "closed"));
    }

    /** A read, a write and the catalog: each a 503 with Retry-After whose text has none of {@code driverWords}. */
    static void assertReadsAndWritesAreUnavailable(Api api, Workspace ws, String id, List<String> driverWords) {
        for (Api.Response answer : List.of(
                api.get("/api/v1/records/" + id, ws.member),
                api.post("/api/v1/records", ws.member, "{\"type\": \"note\", \"attributes\": {}}"),
                api.get("/api/v1/object-types", ws.member))) {
            assertEquals(503, answer.status(), answer::toString);
            assertEquals("SERVICE_UNAVAILABLE", answer.code());
            assertTrue(Integer.parseInt(answer.header("Retry-After").orElseThrow()) >= 1);
            for (String word : driverWords) {
                assertFalse(answer.text().contains(word), "'" + word + "' in " + answer.text());
            }
        }
    }
}
