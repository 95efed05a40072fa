package io.archivist.adapters.rest.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.micronaut.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every stable code of docs/api.md maps to its status through its kind, with the rule's details as members. */
class ProblemsTest {

    /** A request no filter has seen: its problems have no request id (RequestIdsTest has those that have one). */
    private static final HttpRequest<?> REQUEST = HttpRequest.GET("/api/v1/records");

    @Test
    void every_error_code_has_the_status_of_its_kind() {
        Map<ErrorCode.Kind, Integer> statuses = Map.of(
                ErrorCode.Kind.NOT_FOUND,
                404,
                ErrorCode.Kind.CONFLICT,
                409,
                ErrorCode.Kind.INVALID,
                400,
                ErrorCode.Kind.UNPROCESSABLE,
                422,
                ErrorCode.Kind.PRECONDITION,
                412,
                ErrorCode.Kind.FORBIDDEN,
                403);
        for (ErrorCode code : ErrorCode.values()) {
            Map<String, Object> problem =
                    Problems.of(REQUEST, new ArchivistException(code, "why", Map.of("holder", "h1")));
            assertEquals(statuses.get(code.kind()), problem.get("status"), code.name());
            assertEquals(code.name(), problem.get("code"));
            assertEquals("why", problem.get("detail"));
            assertEquals("h1", problem.get("holder"));
        }
        assertEquals(409, Problems.status(ErrorCode.CONCURRENT_MODIFICATION).getCode());
    }

    @Test
    void details_never_replace_the_standard_members() {
        Map<String, Object> problem = Problems.of(
                REQUEST, new ArchivistException(ErrorCode.UNIQUE_CONFLICT, "why", Map.of("status", 200, "code", "OK")));
        assertEquals(409, problem.get("status"));
        assertEquals("UNIQUE_CONFLICT", problem.get("code"));
        assertEquals("Unique conflict", problem.get("title"));
        assertEquals("urn:archivist:problem:unique-conflict", problem.get("type"));
    }
}
