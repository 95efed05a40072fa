package io.archivist.adapters.seed;

import static io.archivist.adapters.seed.SeedWorld.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.seed.SeedError;
import io.archivist.application.port.in.seed.SeedError.Code;
import io.archivist.application.port.in.seed.SeedRejectedException;
import io.archivist.domain.SeedFormat;
import org.junit.jupiter.api.Test;

/** R14 in seeds: the same lengths, depth, number ranges and times as a request, each an error naming its record. */
class SeedLimitsTest {

    private final SeedWorld world = new SeedWorld();

    @Test
    void r14_attributes_nest_at_most_32_levels_counted_from_the_record_as_in_a_request() {
        // The record is level 1 and its attributes object level 2: 30 more levels fit, 31 do not.
        world.importSeed(doc(record("fits", nested(30))));
        assertOnly(world.rejected(doc(record("deep", nested(31)))), Code.VALIDATION_FAILED, "deep");
        assertTrue(world.find("journey", "deep").isEmpty());
    }

    @Test
    void r14_a_yaml_seed_has_the_same_depth() {
        world.importSeed(yaml("fits", 30), SeedFormat.YAML, false);
        SeedRejectedException e = assertThrows(
                SeedRejectedException.class, () -> world.importSeed(yaml("deep", 31), SeedFormat.YAML, false));
        assertEquals(
                Code.VALIDATION_FAILED, e.errors().get(0).code(), e.errors().toString());
        assertTrue(world.find("journey", "deep").isEmpty());
    }

    @Test
    void r14_a_json_seed_nested_1000_levels_is_malformed_not_a_stack_overflow() {
        SeedRejectedException e = world.rejected(doc(record("deep", nested(1000))));
        assertEquals(Code.MALFORMED_SEED, e.errors().get(0).code(), e.errors().toString());
    }

    @Test
    void r14_an_integer_beyond_64_bits_is_an_error_naming_its_record_in_json_and_yaml() {
        String big = "1" + "0".repeat(39);
        assertOnly(world.rejected(doc(record("big", "{\"n\": " + big + "}"))), Code.VALIDATION_FAILED, "big");
        SeedRejectedException yaml = assertThrows(
                SeedRejectedException.class,
                () -> world.importSeed(
                        "workspace: acme\nobject_types: " + SeedWorld.TYPES
                                + "\nrecords:\n  - key: big\n    type: journey\n" + "    attributes: {n: " + big
                                + "}\n",
                        SeedFormat.YAML,
                        false));
        assertEquals(
                "big", yaml.errors().get(0).key().orElseThrow(), yaml.errors().toString());
        assertTrue(
                yaml.errors().get(0).message().contains("64-bit"), yaml.errors().toString());
    }

    @Test
    void r14_a_deleted_at_no_store_can_keep_is_an_error_naming_its_record() {
        for (String when :
                new String[] {"-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z"}) {
            assertOnly(
                    world.rejected(doc("{\"key\": \"old\", \"type\": \"journey\", \"deleted_at\": \"" + when + "\"}")),
                    Code.BAD_DELETED_AT,
                    "old");
        }
        world.importSeed(doc("{\"key\": \"epoch\", \"type\": \"journey\", \"deleted_at\": \"1970-01-01T00:00:00Z\"}"));
        assertTrue(world.record("journey", "epoch").archived());
    }

    @Test
    void r14_a_key_over_255_characters_is_an_error_that_quotes_it_briefly() {
        SeedError error = world.rejected(doc("{\"key\": \"" + "k".repeat(256) + "\", \"type\": \"journey\"}"))
                .errors()
                .get(0);
        assertEquals(Code.VALIDATION_FAILED, error.code());
        assertTrue(error.message().length() < 300, error.message());
        world.importSeed(doc("{\"key\": \"" + "k".repeat(255) + "\", \"type\": \"journey\"}"));
    }

    private static String record(String key, String attributes) {
        return "{\"key\": \"" + key + "\", \"type\": \"journey\", \"attributes\": {\"x\": " + attributes + "}}";
    }

    /** {@code levels} nested JSON objects. */
    private static String nested(int levels) {
        return "{\"a\": ".repeat(levels - 1) + "{}" + "}".repeat(levels - 1);
    }

    /** A YAML seed whose record's attribute x holds {@code levels} nested flow mappings. */
    private static String yaml(String key, int levels) {
        return "workspace: acme\nobject_types: " + SeedWorld.TYPES + "\nrecords:\n  - key: " + key
                + "\n    type: journey\n" + "    attributes: {x: " + nested(levels) + "}\n";
    }

    private static void assertOnly(SeedRejectedException e, Code code, String key) {
        assertEquals(1, e.errorCount(), e.errors().toString());
        assertEquals(code, e.errors().get(0).code(), e.errors().toString());
        assertEquals(key, e.errors().get(0).key().orElseThrow());
    }
}
