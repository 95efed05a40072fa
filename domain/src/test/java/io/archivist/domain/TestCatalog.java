package io.archivist.domain;

import java.util.List;
import java.util.Optional;

/**
 * Object types for tests, and the catalog most cascade tests run on:
 * <pre>
 *   company ── person ── deal ── note        (all archivable; a deal also hangs off its company,
 *      └─────────────────┘        ↑            a note off its deal and its person: diamonds)
 *                        person ──┘
 *   tag ── tagging                           (not archivable: a DELETE purges, R4)
 *   user ── draft                            (the built-in user, and what a user writes)
 * </pre>
 * {@code person} has unique {@code email} and {@code badge}; {@code user} unique {@code username}.
 */
final class TestCatalog {

    private TestCatalog() {}

    static ObjectType archivable(String name, String... parents) {
        return new ObjectType(name, true, List.of(parents), List.of(), Optional.empty());
    }

    static ObjectType notArchivable(String name, String... parents) {
        return new ObjectType(name, false, List.of(parents), List.of(), Optional.empty());
    }

    static ObjectType withUnique(ObjectType type, String... unique) {
        return new ObjectType(type.name(), type.archivable(), type.parents(), List.of(unique), type.retention());
    }

    static ObjectType withRetention(ObjectType type, String iso) {
        return new ObjectType(
                type.name(), type.archivable(), type.parents(), type.unique(), Optional.of(new Retention(iso)));
    }

    static Catalog crm() {
        return Catalog.withBuiltIns()
                .define(archivable("company"))
                .define(withUnique(archivable("person", "company"), "email", "badge"))
                .define(archivable("deal", "company", "person"))
                .define(archivable("note", "deal", "person"))
                .define(notArchivable("tag"))
                .define(notArchivable("tagging", "tag"))
                .define(archivable("draft", "user"));
    }
}
