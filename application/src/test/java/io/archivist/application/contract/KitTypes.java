package io.archivist.application.contract;

import io.archivist.application.service.CatalogService;
import io.archivist.domain.Caller;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Retention;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The catalog every kit workspace starts with: a graph with a diamond, a unique attribute, a type
 * without archive support, and the built-in user with a dependent.
 * <pre>
 *   account ─┬─ project (unique code) ─┐
 *            └─ label ─────────────────┴─ task ── comment
 *   user ── profile
 *   ledger (not archivable) ── entry
 * </pre>
 */
public interface KitTypes {

    String USER = ObjectType.USER;
    String USERNAME = ObjectType.USERNAME;
    String ACCOUNT = "account";
    String PROJECT = "project";
    String CODE = "code";
    String LABEL = "label";
    String TASK = "task";
    String COMMENT = "comment";
    String PROFILE = "profile";
    String LEDGER = "ledger";
    String ENTRY = "entry";

    static void defineKitTypes(CatalogService catalog, Caller admin) {
        catalog.define(admin, archivable(ACCOUNT).type());
        catalog.define(admin, archivable(PROJECT, ACCOUNT).withUnique(CODE).type());
        catalog.define(admin, archivable(LABEL, ACCOUNT).type());
        catalog.define(admin, archivable(TASK, PROJECT, LABEL).type());
        catalog.define(admin, archivable(COMMENT, TASK).type());
        catalog.define(admin, archivable(PROFILE, USER).type());
        catalog.define(admin, new ObjectType(LEDGER, false, List.of(), List.of(), Optional.empty()));
        catalog.define(admin, archivable(ENTRY, LEDGER).type());
    }

    /** An archivable type with these parent types; see {@link TypeSpec} for the rest. */
    static TypeSpec archivable(String name, String... parents) {
        return new TypeSpec(name, true, Arrays.asList(parents), List.of(), Optional.empty());
    }

    record TypeSpec(
            String name, boolean archivable, List<String> parents, List<String> unique, Optional<Retention> retention) {
        public TypeSpec withUnique(String... attributes) {
            return new TypeSpec(name, archivable, parents, Arrays.asList(attributes), retention);
        }

        public TypeSpec withRetention(String iso) {
            return new TypeSpec(name, archivable, parents, unique, Optional.of(new Retention(iso)));
        }

        public ObjectType type() {
            return new ObjectType(name, archivable, parents, unique, retention);
        }
    }
}
