package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * R8 with R14 when PostgreSQL drops the connection of a cascade in its middle (its backend terminated from a
 * second connection, as a failover, a restart or a cut network would): the archive happens whole or not at all,
 * and its answer is a 200 (the unit ran again on another connection) or a 503 with Retry-After, never a 500.
 * <p>
 * The middle is made certain rather than hoped for: a second session holds records in SHARE mode, so the archive
 * walks its subtree into the operation's rows and then waits to update the records; that waiting backend is
 * the one terminated. What the walk wrote must go with it.
 */
class CascadeConnectionDropIT {

    private static final int TASKS = 2_000;

    @Test
    void a_cascade_whose_connection_drops_once_runs_again_on_another_and_happens_whole() throws Exception {
        try (Scene scene = new Scene("drop_once")) {
            Api.Response archived = scene.archiveWhileDropping(1);

            assertEquals(200, archived.status(), archived::toString);
            assertEquals(1, scene.dropped.get(), "the cascade's first connection was dropped in its middle");
            JsonNode counts = archived.json().path("operation").path("counts");
            assertEquals(1, counts.path("project").asLong(), archived::toString);
            assertEquals(TASKS, counts.path("task").asLong(), "the walk of the dropped attempt is not counted twice");
            assertTrue(scene.ws.archived(scene.project));
            assertEquals(
                    0,
                    scene.page("/api/v1/records?type=task&archived=false&limit=1")
                            .size(),
                    "every task went");
            assertEquals(1, scene.page("/api/v1/operations?kind=archive").size(), "one archive operation");
        }
    }

    @Test
    void a_cascade_whose_connections_keep_dropping_is_a_503_with_retry_after_and_changes_nothing() throws Exception {
        try (Scene scene = new Scene("drop_always")) {
            Api.Response refused = scene.archiveWhileDropping(Integer.MAX_VALUE);

            assertEquals(503, refused.status(), refused::toString);
            assertEquals("SERVICE_UNAVAILABLE", refused.code());
            assertTrue(Integer.parseInt(refused.header("Retry-After").orElseThrow()) >= 1, refused::toString);
            for (String word : List.of("SQL", "terminat", "postgres", "Exception", "org.")) {
                assertFalse(refused.text().contains(word), "'" + word + "' in " + refused.text());
            }
            assertTrue(scene.dropped.get() >= 2, "dropped on its first connection and on the one it ran again on");
            assertFalse(scene.ws.archived(scene.project), "nothing of the archive happened");
            assertEquals(
                    0,
                    scene.page("/api/v1/records?type=task&archived=true&limit=1")
                            .size());
            assertEquals(0, scene.page("/api/v1/operations?kind=archive").size(), "no operation logged");

            // The database healthy again, the same archive happens whole.
            Api.Response archived = scene.ws.api.delete("/api/v1/records/" + scene.project, scene.ws.admin);
            assertEquals(200, archived.status(), archived::toString);
            assertEquals(
                    TASKS,
                    archived.json()
                            .path("operation")
                            .path("counts")
                            .path("task")
                            .asLong());
        }
    }

    /** A service on a PostgreSQL database of its own, a project with TASKS tasks, and a second session to drop with. */
    private static final class Scene implements AutoCloseable {
        final CrashStores.Opened database;
        final RunningService service;
        final Workspace ws;
        final String url;
        final String project;
        final AtomicInteger dropped = new AtomicInteger();

        Scene(String name) throws SQLException {
            database = CrashStores.POSTGRESQL.open(
                    Path.of("target", "test-data"), CrashStores.database("cascade_drop_" + name));
            Map<String, String> properties =
                    new HashMap<>(RunningService.embedded(Path.of("target", "test-data", "CascadeConnectionDropIT")));
            properties.remove("archivist.data-dir");
            properties.putAll(database.properties());
            url = database.properties().get("datasources.default.url");
            service = RunningService.start(properties);
            ws = service.workspace();
            Api.Response seeded = ws.api.post("/api/v1/seeds", ws.admin, seed(ws.name));
            assertEquals(200, seeded.status(), seeded::toString);
            project = ws.api
                    .get("/api/v1/records?type=project&key=p", ws.admin)
                    .json()
                    .path("items")
                    .path(0)
                    .path("id")
                    .asText();
        }

        /**
         * DELETE of the project while a second session holds the records table in SHARE mode, terminating each
         * backend of the service that waits for it, {@code drops} times at most; then lets go.
         */
        Api.Response archiveWhileDropping(int drops) throws Exception {
            try (Connection holder = DriverManager.getConnection(url, "postgres", "");
                    Connection killer = DriverManager.getConnection(url, "postgres", "")) {
                holder.setAutoCommit(false);
                try (Statement lock = holder.createStatement()) {
                    lock.execute("LOCK TABLE records IN SHARE MODE");
                }
                AtomicBoolean answered = new AtomicBoolean();
                Set<Integer> killed = new HashSet<>();
                CompletableFuture<Api.Response> archive = CompletableFuture.supplyAsync(() -> {
                    try {
                        return ws.api.delete("/api/v1/records/" + project, ws.admin);
                    } finally {
                        answered.set(true);
                    }
                });
                int holderPid = backendPid(holder);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!answered.get() && dropped.get() < drops && System.nanoTime() < deadline) {
                    for (int pid : waitingFor(holderPid, killer)) {
                        if (!killed.add(pid)) {
                            continue; // terminated already, not gone yet
                        }
                        try (Statement kill = killer.createStatement()) {
                            kill.execute("SELECT pg_terminate_backend(" + pid + ")");
                        }
                        dropped.incrementAndGet();
                    }
                    Thread.sleep(5);
                }
                holder.rollback(); // lets go of the lock: what still waits (a run after the last drop) goes on
                return archive.get(60, TimeUnit.SECONDS);
            }
        }

        private static int backendPid(Connection connection) throws SQLException {
            try (Statement s = connection.createStatement();
                    ResultSet rows = s.executeQuery("SELECT pg_backend_pid()")) {
                rows.next();
                return rows.getInt(1);
            }
        }

        /** The service's backends waiting for the holder's lock, in the middle of their statement. */
        private static List<Integer> waitingFor(int holderPid, Connection killer) throws SQLException {
            List<Integer> waiting = new ArrayList<>();
            try (Statement s = killer.createStatement();
                    ResultSet rows =
                            s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                                    + " AND " + holderPid + " = ANY (pg_blocking_pids(pid))")) {
                while (rows.next()) {
                    waiting.add(rows.getInt(1));
                }
            }
            return waiting;
        }

        JsonNode page(String path) {
            Api.Response page = ws.api.get(path, ws.admin);
            assertEquals(200, page.status(), page::toString);
            return page.json().path("items");
        }

        private static String seed(String workspace) {
            StringBuilder records = new StringBuilder("{\"key\": \"p\", \"type\": \"project\"}");
            for (int i = 0; i < TASKS; i++) {
                records.append(", {\"key\": \"t").append(i).append("\", \"type\": \"task\", \"parents\": [\"p\"]}");
            }
            return "{\"workspace\": \"" + workspace
                    + "\", \"object_types\": [{\"name\": \"project\", \"archivable\": true},"
                    + " {\"name\": \"task\", \"archivable\": true, \"parents\": [\"project\"]}], \"records\": ["
                    + records
                    + "]}";
        }

        @Override
        public void close() {
            try {
                service.close();
            } finally {
                database.close();
            }
        }
    }
}
