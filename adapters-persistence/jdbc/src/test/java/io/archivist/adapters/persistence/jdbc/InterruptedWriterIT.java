package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archivist.domain.ObjectType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The embedded H2 file survives a writer whose thread is interrupted while H2 writes (an executor shut
 * down under it): without H2's retry file system the interrupt closes the file under every connection,
 * and each later statement of the process fails ("Writing to FileChannel failed").
 */
class InterruptedWriterIT {

    private static final ObjectType NOTE = new ObjectType("note", true, List.of(), List.of(), Optional.empty());

    @Test
    void writes_go_on_after_writers_were_interrupted_in_the_middle_of_their_commits() {
        try (StoreFixture store = new StoreFixture(TestDatabase.H2)) {
            store.ports.unitOfWork().write(store.workspace, () -> {
                store.ports.catalogs().save(store.workspace, NOTE);
                return null;
            });
            for (int i = 0; i < 20; i++) {
                Thread.currentThread().interrupt(); // pending while the unit writes, commits and syncs its file
                try {
                    store.create(NOTE, Map.of("n", i));
                } catch (RuntimeException refusedForTheInterrupt) {
                    // this one write may fail; the database must not
                } finally {
                    Thread.interrupted();
                }
            }
            store.create(NOTE, Map.of("n", "after"));
            assertEquals(
                    1,
                    store.all().stream()
                            .filter(r -> "after".equals(r.attributes().get("n")))
                            .count(),
                    "the database still writes and reads after the interrupts");
        }
    }
}
