package io.archivist.adapters.rest;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
                writes.assertEveryAcknowledgedWriteKept(new Api(restarted.uri()));
            }
        }
    }
}
