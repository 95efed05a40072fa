package io.archivist.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** docs/lifecycle.md#concepts: a record's title is its title attribute's text, else its key, else its id. */
class TitleTest {

    private static final ObjectType TITLED =
            new ObjectType("journey", true, List.of(), List.of(), Optional.empty(), Optional.of("name"));
    private static final ObjectType UNTITLED = new ObjectType("journey", true, List.of(), List.of(), Optional.empty());

    @Test
    void s1_the_title_is_the_text_of_the_title_attribute() {
        assertEquals("Onboarding", TITLED.titleOf(record(Optional.of("j-1"), Map.of("name", "Onboarding"))));
    }

    @Test
    void s1_without_a_text_title_a_record_is_named_by_its_key() {
        assertEquals("j-1", TITLED.titleOf(record(Optional.of("j-1"), Map.of())), "attribute absent");
        assertEquals("j-1", TITLED.titleOf(record(Optional.of("j-1"), Map.of("name", 42))), "not a string");
        assertEquals("j-1", TITLED.titleOf(record(Optional.of("j-1"), Map.of("name", List.of("a")))), "a list");
        assertEquals("j-1", TITLED.titleOf(record(Optional.of("j-1"), Map.of("name", "  "))), "blank names nobody");
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        assertEquals("j-1", TITLED.titleOf(record(Optional.of("j-1"), nullName)), "null");
        assertEquals("j-1", UNTITLED.titleOf(record(Optional.of("j-1"), Map.of("name", "Onboarding"))), "no attribute");
    }

    @Test
    void s1_without_a_title_or_a_key_a_record_is_named_by_its_id() {
        StoredRecord record = record(Optional.empty(), Map.of("other", "x"));
        assertEquals(record.id().toString(), TITLED.titleOf(record));
        assertEquals(record.id().toString(), UNTITLED.titleOf(record));
    }

    @Test
    void s1_a_long_title_is_cut_to_the_limit_with_an_ellipsis_never_inside_a_surrogate_pair() {
        String title = TITLED.titleOf(record(Optional.empty(), Map.of("name", "x".repeat(10_000))));
        assertEquals(ObjectType.MAX_TITLE_LENGTH, title.length());
        assertTrue(title.endsWith("…"));
        assertEquals(
                "x".repeat(ObjectType.MAX_TITLE_LENGTH),
                TITLED.titleOf(record(Optional.empty(), Map.of("name", "x".repeat(ObjectType.MAX_TITLE_LENGTH)))),
                "a title at the limit is kept whole");
        String pairs = "x".repeat(ObjectType.MAX_TITLE_LENGTH - 3) + "😀😀😀";
        String cut = TITLED.titleOf(record(Optional.empty(), Map.of("name", pairs)));
        assertTrue(cut.length() <= ObjectType.MAX_TITLE_LENGTH);
        assertTrue(cut.endsWith("…"));
        assertTrue(!Character.isHighSurrogate(cut.charAt(cut.length() - 2)), "no half pair before the ellipsis");
    }

    @Test
    void s1_the_built_in_user_is_named_by_its_username() {
        assertEquals(Optional.of(ObjectType.USERNAME), ObjectType.user().titleAttribute());
        StoredRecord ada = recordOf("user", Optional.of("user-ada"), Map.of("username", "ada"));
        assertEquals("ada", Catalog.withBuiltIns().titleOf(ada));
    }

    @Test
    void s1_a_catalog_names_a_record_by_its_types_rule_and_an_unknown_types_by_key_or_id() {
        Catalog catalog = Catalog.withBuiltIns().define(TITLED);
        assertEquals("Onboarding", catalog.titleOf(record(Optional.of("j-1"), Map.of("name", "Onboarding"))));
        StoredRecord stray = recordOf("gone", Optional.of("g-1"), Map.of("name", "Stray"));
        assertEquals("g-1", catalog.titleOf(stray));
    }

    @Test
    void s1_a_title_attribute_is_a_name_of_at_most_255_characters() {
        assertEquals(
                ErrorCode.INVALID_OBJECT_TYPE,
                assertThrows(ArchivistException.class, () -> UNTITLED.withTitleAttribute(Optional.of(" ")))
                        .code());
        ArchivistException tooLong = assertThrows(
                ArchivistException.class,
                () -> UNTITLED.withTitleAttribute(Optional.of("a".repeat(Limits.MAX_NAME_LENGTH + 1))));
        assertEquals(ErrorCode.INVALID_OBJECT_TYPE, tooLong.code());
        assertTrue(tooLong.getMessage().contains("title attribute"), tooLong.getMessage());
        assertEquals(
                Optional.of("a".repeat(Limits.MAX_NAME_LENGTH)),
                UNTITLED.withTitleAttribute(Optional.of("a".repeat(Limits.MAX_NAME_LENGTH)))
                        .titleAttribute());
    }

    private static StoredRecord record(Optional<String> key, Map<String, Object> attributes) {
        return recordOf("journey", key, attributes);
    }

    private static StoredRecord recordOf(String type, Optional<String> key, Map<String, Object> attributes) {
        return StoredRecord.create(
                RecordId.of(UUID.randomUUID()),
                TestGraph.WORKSPACE,
                type,
                key,
                attributes,
                List.of(),
                "tester",
                TestRecords.AT);
    }
}
