package io.archivist.benchmarks;

import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Generates a subtree of {@link TreeShape}, level by level, parents first. A record is known by its
 * serial number (the root is 0); only the serials of the level above are held, so a million records
 * take a few megabytes. The types are a chain account → project → task → subtask → note; projects
 * carry a unique code (R6), so the cascades also free and re-claim unique values.
 */
final class Subtrees {

    static final String ACTOR = "bench";
    static final List<String> TYPE_NAMES = List.of("account", "project", "task", "subtask", "note");

    private Subtrees() {}

    /** One generated record: its level (0 is the root), serial, and the serials of its one or two parents. */
    record Node(int level, long serial, long[] parents) {
        String type() {
            return TYPE_NAMES.get(level);
        }
    }

    static List<ObjectType> types() {
        List<ObjectType> types = new ArrayList<>();
        for (int level = 0; level < TYPE_NAMES.size(); level++) {
            List<String> parents = level == 0 ? List.of() : List.of(TYPE_NAMES.get(level - 1));
            List<String> unique = level == 1 ? List.of("code") : List.of();
            types.add(new ObjectType(TYPE_NAMES.get(level), true, parents, unique, Optional.empty()));
        }
        return types;
    }

    static void generate(TreeShape shape, Consumer<Node> out) {
        out.accept(new Node(0, 0, new long[0]));
        long[] above = {0};
        long serial = 1;
        Random diamonds = shape.diamonds();
        for (int level = 1; level <= TreeShape.DEPTH; level++) {
            int[] counts = shape.childCounts(level);
            boolean last = level == TreeShape.DEPTH;
            long[] here = last ? new long[0] : new long[Math.toIntExact(shape.levelSize(level))];
            int n = 0;
            for (int p = 0; p < counts.length; p++) {
                for (int c = 0; c < counts[p]; c++) {
                    long[] parents = {above[p]};
                    if (last && above.length > 1 && diamonds.nextInt(TreeShape.DIAMOND_EVERY) == 0) {
                        int other = (p + 1 + diamonds.nextInt(above.length - 1)) % above.length;
                        parents = new long[] {above[p], above[other]};
                    }
                    if (!last) {
                        here[n++] = serial;
                    }
                    out.accept(new Node(level, serial++, parents));
                }
            }
            above = here;
        }
    }

    /**
     * The ids of one copy of a subtree: time-ordered like the service's own (UUIDv7: creation time in
     * the high bits, so ids sort in creation order), the serial in the low bits, a random part telling
     * copies apart.
     */
    static final class Ids {
        private final long high;

        Ids() {
            long millis = System.currentTimeMillis();
            this.high = (millis << 16) | 0x7000L | (new SecureRandom().nextInt() & 0x0FFFL);
        }

        RecordId of(long serial) {
            return RecordId.of(new UUID(high, 0x8000000000000000L | serial));
        }
    }

    static String key(String copy, long serial) {
        return copy + "-" + serial;
    }

    static StoredRecord record(Node node, Ids ids, String copy, WorkspaceId workspace, Instant at) {
        List<RecordId> parents = new ArrayList<>(node.parents().length);
        for (long parent : node.parents()) {
            parents.add(ids.of(parent));
        }
        return StoredRecord.create(
                ids.of(node.serial()),
                workspace,
                node.type(),
                Optional.of(key(copy, node.serial())),
                attributes(node, copy),
                parents,
                ACTOR,
                at);
    }

    /** About a hundred bytes of JSON, the size of a small real record. */
    static Map<String, Object> attributes(Node node, String copy) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("title", node.type() + " number " + node.serial());
        attributes.put("status", node.serial() % 3 == 0 ? "done" : "open");
        attributes.put("priority", (int) (node.serial() % 5));
        if (node.level() == 1) {
            attributes.put("code", "P-" + copy + "-" + node.serial());
        }
        return attributes;
    }
}
