package io.archivist.domain;

import static io.archivist.domain.TestCatalog.archivable;
import static io.archivist.domain.TestCatalog.notArchivable;
import static io.archivist.domain.TestCatalog.withRetention;
import static io.archivist.domain.TestCatalog.withUnique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/lifecycle.md#concepts: the catalog invariants, each violation a 422 (INVALID_OBJECT_TYPE) with a clear message. */
class CatalogTest {

    private static ArchivistException refused(Executable action, String... mentioned) {
        ArchivistException e = assertThrows(ArchivistException.class, action);
        assertEquals(ErrorCode.INVALID_OBJECT_TYPE, e.code(), e.getMessage());
        for (String text : mentioned) {
            assertTrue(e.getMessage().contains(text), () -> "'" + e.getMessage() + "' should mention " + text);
        }
        return e;
    }

    @Test
    void s1_a_parent_type_must_be_defined_first() {
        Catalog catalog = Catalog.withBuiltIns();
        refused(() -> catalog.define(archivable("person", "company")), "person", "company", "not defined");
        assertTrue(catalog.define(archivable("company"))
                .define(archivable("person", "company"))
                .find("person")
                .isPresent());
    }

    @Test
    void s1_a_type_cannot_be_its_own_parent() {
        Catalog catalog = Catalog.withBuiltIns();
        refused(() -> catalog.define(archivable("folder", "folder")), "folder", "itself");
        assertTrue(catalog.find("folder").isEmpty());
    }

    @Test
    void s1_a_change_that_would_close_a_cycle_is_refused_and_changes_nothing() {
        Catalog catalog = Catalog.withBuiltIns()
                .define(archivable("a"))
                .define(archivable("b", "a"))
                .define(archivable("c", "b"));
        refused(() -> catalog.define(archivable("a", "c")), "'a'", "itself");
        refused(() -> catalog.define(archivable("b", "c")), "'b'", "itself");
        assertEquals(List.of(), catalog.require("a").parents(), "the catalog refusing a change is left as it was");
    }

    @Test
    void s1_a_diamond_of_types_is_not_a_cycle() {
        Catalog catalog = TestCatalog.crm();
        assertEquals(List.of("deal", "person"), catalog.require("note").parents());
        assertEquals(List.of("company", "person"), catalog.require("deal").parents());
    }

    @Test
    void s1_a_dependent_of_an_archivable_type_must_be_archivable() {
        Catalog catalog = Catalog.withBuiltIns().define(archivable("company"));
        refused(() -> catalog.define(notArchivable("person", "company")), "person", "company", "archivable");
        refused(() -> catalog.define(notArchivable("draft", "user")), "draft", "user");
    }

    @Test
    void s1_a_dependent_redefined_as_not_archivable_under_an_archivable_parent_is_refused() {
        Catalog catalog = TestCatalog.crm();
        refused(() -> catalog.define(notArchivable("note", "deal", "person")), "note", "archivable");
    }

    @Test
    void s1_a_type_cannot_become_archivable_while_a_dependent_type_is_not() {
        Catalog catalog = TestCatalog.crm();
        refused(() -> catalog.define(archivable("tag")), "tag", "tagging");
        assertFalse(catalog.require("tag").archivable());
    }

    @Test
    void s1_a_type_without_archive_support_may_have_archivable_dependents() {
        Catalog catalog = TestCatalog.crm().define(archivable("bookmark", "tag"));
        assertEquals(
                List.of("bookmark", "tagging"),
                catalog.dependentTypesOf("tag").stream()
                        .map(ObjectType::name)
                        .sorted()
                        .toList());
    }

    @Test
    void s1_the_built_in_user_is_archivable_with_username_unique_among_active_users() {
        ObjectType user = Catalog.withBuiltIns().require(ObjectType.USER);
        assertTrue(user.archivable());
        assertEquals(List.of(ObjectType.USERNAME), user.unique());
        assertEquals(List.of(), user.parents());
        assertEquals(ObjectType.user(), user);
    }

    @Test
    void s1_the_built_in_user_cannot_be_redefined_away_from_what_it_is() {
        Catalog catalog = Catalog.withBuiltIns().define(archivable("team"));
        refused(() -> catalog.define(notArchivable("user")), "user");
        refused(() -> catalog.define(withUnique(archivable("user"), "email")), "user", "username");
        refused(() -> catalog.define(withUnique(archivable("user", "team"), "username")), "user");
        assertEquals(ObjectType.user(), catalog.require("user"));
    }

    @Test
    void s1_the_built_in_user_may_gain_a_unique_attribute_and_a_retention() {
        ObjectType richer = withRetention(withUnique(archivable("user"), "username", "email"), "P90D");
        assertEquals(richer, Catalog.withBuiltIns().define(richer).require("user"));
    }

    @Test
    void r11_retention_only_on_archivable_types() {
        refused(
                () -> new ObjectType("tag", false, List.of(), List.of(), Optional.of(new Retention("P30D"))),
                "tag",
                "retention",
                "not archivable");
        assertTrue(withRetention(archivable("tag"), "P30D").retention().isPresent());
    }

    static Stream<String> badNames() {
        return Stream.of("", "Company", "1company", "_company", "com-pany", "com pany", "compañía", "a".repeat(64));
    }

    @ParameterizedTest
    @MethodSource("badNames")
    void s1_a_type_name_is_a_slug(String name) {
        refused(() -> archivable(name), "'" + name + "'", "[a-z][a-z0-9_]{0,62}");
        refused(() -> archivable("person", name), "parent type");
    }

    @Test
    void s1_slugs_that_are_accepted() {
        for (String name : List.of("a", "company", "line_item", "v2", "a" + "b".repeat(62))) {
            assertEquals(name, archivable(name).name());
        }
        refused(() -> new ObjectType(null, true, List.of(), List.of(), Optional.empty()), "type name");
    }

    @Test
    void s1_a_parent_or_unique_attribute_named_twice_or_blank_is_refused() {
        refused(() -> archivable("deal", "company", "company"), "deal", "twice");
        refused(
                () -> new ObjectType("person", true, List.of(), List.of("email", "email"), Optional.empty()),
                "person",
                "twice");
        refused(() -> new ObjectType("person", true, List.of(), List.of(" "), Optional.empty()), "person", "blank");
    }

    @Test
    void s1_an_unknown_type_is_type_not_found() {
        ArchivistException e =
                assertThrows(ArchivistException.class, () -> TestCatalog.crm().require("invoice"));
        assertEquals(ErrorCode.TYPE_NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("invoice"));
        assertTrue(TestCatalog.crm().find("invoice").isEmpty());
    }

    @Test
    void s1_define_returns_a_new_catalog_and_leaves_the_old_one_as_it_was() {
        Catalog before = Catalog.withBuiltIns();
        Catalog after = before.define(archivable("company"));
        assertTrue(before.find("company").isEmpty());
        assertEquals(archivable("company"), after.require("company"));
        Catalog changed = after.define(withRetention(archivable("company"), "P30D"));
        assertTrue(after.require("company").retention().isEmpty());
        assertEquals(
                "P30D", changed.require("company").retention().orElseThrow().iso());
    }

    static Stream<List<ObjectType>> storedOrders() {
        List<ObjectType> types = new ArrayList<>(TestCatalog.crm().types());
        List<List<ObjectType>> orders = new ArrayList<>();
        orders.add(List.copyOf(types));
        List<ObjectType> reversed = new ArrayList<>(types);
        java.util.Collections.reverse(reversed);
        orders.add(reversed);
        for (long seed = 1; seed <= 8; seed++) {
            List<ObjectType> shuffled = new ArrayList<>(types);
            java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
            orders.add(shuffled);
        }
        return orders.stream();
    }

    @ParameterizedTest
    @MethodSource("storedOrders")
    void s1_catalog_of_accepts_stored_types_in_any_order(List<ObjectType> stored) {
        Catalog loaded = Catalog.of(stored);
        for (ObjectType type : TestCatalog.crm().types()) {
            assertEquals(type, loaded.require(type.name()));
        }
        assertEquals(TestCatalog.crm().types().size(), loaded.types().size());
    }

    @Test
    void s1_catalog_of_keeps_a_stored_redefinition_of_user() {
        ObjectType user = withRetention(withUnique(archivable("user"), "username"), "P1Y");
        assertEquals(
                user, Catalog.of(List.of(archivable("draft", "user"), user)).require("user"));
        assertEquals(ObjectType.user(), Catalog.of(List.of()).require("user"));
    }

    @Test
    void s1_catalog_of_refuses_stored_types_that_break_an_invariant() {
        refused(() -> Catalog.of(List.of(archivable("person", "company"))), "person");
        refused(() -> Catalog.of(List.of(archivable("a", "b"), archivable("b", "a"))), "a", "b");
        refused(() -> Catalog.of(List.of(archivable("folder", "folder"))), "folder");
        refused(() -> Catalog.of(List.of(notArchivable("person", "company"), archivable("company"))), "person");
    }

    @Test
    void s1_a_draft_checks_each_type_against_the_ones_before_it_and_a_refusal_changes_nothing() {
        CatalogDraft draft =
                Catalog.withBuiltIns().draft().define(archivable("a")).define(archivable("b", "a"));
        refused(() -> draft.define(archivable("c", "missing")), "c", "missing");
        refused(() -> draft.define(archivable("a", "b")), "'a'", "itself");
        refused(() -> draft.define(notArchivable("d", "b")), "d", "archivable");
        draft.define(notArchivable("t")).define(notArchivable("u", "t"));
        refused(() -> draft.define(archivable("t")), "t", "u");
        Catalog built = draft.define(archivable("c", "b")).build();
        assertEquals(List.of(), built.require("a").parents(), "the refused change of a left a as it was");
        assertFalse(built.require("t").archivable());
        assertEquals(5, built.definedCount(), "a, b, t, u and c; the built-in user is not counted");
        assertEquals(
                List.of("b"),
                built.dependentTypesOf("a").stream().map(ObjectType::name).toList());
    }

    @Test
    void s1_a_redefinition_that_moves_a_type_keeps_the_dependents_index_true() {
        Catalog catalog = Catalog.withBuiltIns()
                .define(archivable("a"))
                .define(archivable("b"))
                .define(archivable("c", "a"))
                .define(archivable("c", "b"));
        assertEquals(List.of(), catalog.dependentTypesOf("a"));
        assertEquals(
                List.of("c"),
                catalog.dependentTypesOf("b").stream().map(ObjectType::name).toList());
        refused(() -> catalog.define(archivable("b", "c")), "'b'", "itself");
        assertTrue(
                catalog.define(archivable("a", "c")).require("a").parents().contains("c"),
                "a no longer under c's ancestry can become its dependent");
    }

    @Test
    void s1_catalog_of_puts_parents_before_dependents_whatever_the_stored_order() {
        List<ObjectType> chain = new ArrayList<>();
        chain.add(archivable("t0"));
        for (int i = 1; i < 500; i++) {
            chain.add(archivable("t" + i, "t" + (i - 1)));
        }
        java.util.Collections.reverse(chain);
        List<String> names =
                Catalog.of(chain).types().stream().map(ObjectType::name).toList();
        assertEquals("user", names.get(0));
        for (int i = 0; i < 500; i++) {
            assertEquals("t" + i, names.get(i + 1));
        }
    }
}
