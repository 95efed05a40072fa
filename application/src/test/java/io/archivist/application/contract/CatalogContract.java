package io.archivist.application.contract;

import static io.archivist.application.contract.KitTypes.archivable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.RecordView;
import io.archivist.application.port.in.seed.SeedReport;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.service.CatalogService;
import io.archivist.application.service.seed.SeedImportService;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordFilter.ArchivedFilter;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The catalog each service instance caches (the README's section on sharding, R14): another instance on the same store sees a
 * change through the catalog version, a change rolled back is never taken for a later one, a seed
 * saves its types in one step, and a workspace holds at most {@code max-types} types.
 */
public interface CatalogContract extends StoreContractSupport {

    /**
     * Another service instance on the same database, with a catalog cache of its own. By default the
     * same adapters; a store may open a second store over the same database instead.
     */
    default StorePorts anotherInstance() {
        return ports().anotherInstance();
    }

    @Test
    default void s7_another_instance_sees_each_type_this_one_defines_or_changes_and_back() {
        CatalogService other = anotherInstance().catalogService();
        assertEquals(
                names(catalog().list(admin())), names(other.list(admin())), "both read the kit's catalog, and keep it");
        ObjectType note = archivable("note", ACCOUNT).type();
        catalog().define(admin(), note);
        assertEquals(note, other.get(admin(), "note"), "the other instance sees the new type");
        ObjectType kept = archivable("note", ACCOUNT).withRetention("P30D").type();
        other.define(admin(), kept);
        assertEquals(kept, catalog().get(admin(), "note"), "and this one the other's change of it");
        assertEquals(names(catalog().list(admin())), names(other.list(admin())));
    }

    @Test
    default void s1_the_store_keeps_a_types_title_attribute_and_records_are_named_by_it() {
        ObjectType titled = archivable("journey").type().withTitleAttribute(Optional.of("label"));
        catalog().define(admin(), titled);
        assertEquals(titled, anotherInstance().catalogService().get(admin(), "journey"), "kept by the store");
        RecordId named = a("journey").with("label", "Onboarding").create();
        RecordId keyed = a("journey").key("j-2").with("label", 7).create();
        assertEquals("Onboarding", records().get(member(), named).title());
        assertEquals("j-2", records().get(member(), keyed).title(), "not a string: the key");
        archive(named);
        assertEquals("Onboarding", records().get(member(), named).title(), "archived, the same title");
        assertEquals(
                List.of("Onboarding", "j-2"),
                records()
                        .list(member(), RecordFilter.ofType("journey", ArchivedFilter.ANY), 10, Optional.empty())
                        .items()
                        .stream()
                        .map(RecordView::title)
                        .toList());

        anotherInstance().catalogService().define(admin(), titled.withTitleAttribute(Optional.empty()));
        assertEquals(
                named.toString(),
                records().get(member(), named).title(),
                "another instance's change is seen by the next read: no title attribute, no key, the id");
        assertEquals(Optional.of(USERNAME), catalog().get(admin(), USER).titleAttribute());
    }

    @Test
    default void s7_a_change_rolled_back_is_not_seen_even_by_the_instance_that_read_it_inside_its_unit() {
        ObjectType undone = archivable("undone", ACCOUNT).type();
        assertThrows(
                IllegalStateException.class,
                () -> ports().unitOfWork().write(workspace(), () -> {
                    catalog().define(admin(), undone);
                    assertEquals(undone, catalog().get(admin(), "undone"), "inside its unit the change is seen");
                    throw new IllegalStateException("the unit fails");
                }));
        refused(ErrorCode.TYPE_NOT_FOUND, () -> catalog().get(admin(), "undone"));
        ObjectType next = archivable("next", ACCOUNT).type();
        catalog().define(admin(), next);
        assertEquals(next, catalog().get(admin(), "next"));
        refused(ErrorCode.TYPE_NOT_FOUND, () -> catalog().get(admin(), "undone"));
        assertEquals(
                names(catalog().list(admin())),
                names(anotherInstance().catalogService().list(admin())),
                "the next change's version is not the one the rolled-back change had");
    }

    @Test
    default void s7_a_request_reuses_the_cached_catalog_while_its_version_stays() {
        CountingCatalogs counted = new CountingCatalogs(ports().catalogs());
        CatalogService service = ports().withCatalogs(counted).catalogService();
        for (int i = 0; i < 5; i++) {
            service.get(admin(), ACCOUNT);
        }
        assertEquals(1, counted.loads.get(), "read once, then reused");
        catalog().define(admin(), archivable("later", ACCOUNT).type());
        assertEquals("later", service.get(admin(), "later").name());
        assertEquals(2, counted.loads.get(), "read again after the change, once");
    }

    @Test
    default void r14_a_type_past_max_types_is_limit_exceeded_and_changes_nothing() {
        int defined = catalog().list(admin()).size() - 1;
        CatalogService bounded = ports().catalogService(defined + 1);
        bounded.define(admin(), archivable("one_more").type());
        long version = ports().catalogs().version(workspace());
        ArchivistException e = refused(
                ErrorCode.LIMIT_EXCEEDED,
                () -> bounded.define(admin(), archivable("too_many").type()));
        assertTrue(
                e.getMessage().contains("too_many") && e.getMessage().contains("at most " + (defined + 1)),
                e.getMessage());
        assertEquals(version, ports().catalogs().version(workspace()), "nothing changed");
        refused(ErrorCode.TYPE_NOT_FOUND, () -> catalog().get(admin(), "too_many"));
        ObjectType changed = archivable("one_more").withRetention("P7D").type();
        assertEquals(changed, bounded.define(admin(), changed), "changing a defined type adds none");
    }

    @Test
    default void s5_a_seed_saves_its_types_in_one_step_and_past_max_types_imports_nothing() {
        WorkspaceId fresh = freshWorkspace();
        CountingCatalogs counted = new CountingCatalogs(ports().catalogs());
        StorePorts countedPorts = ports().withCatalogs(counted);
        SeedImportService seeds = countedPorts.seedImportService(TypeSeeds.reader(TypeSeeds.types(fresh, 40)), 40);
        SeedReport report = seeds.importSeed(TypeSeeds.command());
        assertEquals(new SeedReport.Counts(40, 0, 0), report.objectTypes());
        assertEquals(40, ports().catalogs().types(fresh).size());
        assertEquals(1, counted.saves.get(), "one save for all 40 types");
        long version = ports().catalogs().version(fresh);
        assertEquals(
                new SeedReport.Counts(0, 0, 40),
                seeds.importSeed(TypeSeeds.command()).objectTypes());
        assertEquals(version, ports().catalogs().version(fresh), "an unchanged seed leaves the catalog as it was");
        assertEquals(1, counted.saves.get());

        WorkspaceId bounded = freshWorkspace();
        SeedImportService tooMany = ports().seedImportService(TypeSeeds.reader(TypeSeeds.types(bounded, 41)), 40);
        ArchivistException e = refused(ErrorCode.LIMIT_EXCEEDED, () -> tooMany.importSeed(TypeSeeds.command()));
        assertTrue(
                e.getMessage().contains(TypeSeeds.name(40)) && e.getMessage().contains("/object_types/40"),
                e.getMessage());
        assertEquals(List.of(), ports().catalogs().types(bounded), "nothing imported");
        assertEquals(CatalogStore.NEVER_CHANGED, ports().catalogs().version(bounded));
    }

    private static List<String> names(List<ObjectType> types) {
        return types.stream().map(ObjectType::name).sorted().toList();
    }

    /** The store's catalog port, counting the catalogs read whole and the saves. */
    static final class CountingCatalogs implements CatalogStore {
        final AtomicInteger loads = new AtomicInteger();
        final AtomicInteger saves = new AtomicInteger();
        private final CatalogStore store;

        CountingCatalogs(CatalogStore store) {
            this.store = store;
        }

        @Override
        public long version(WorkspaceId workspace) {
            return store.version(workspace);
        }

        @Override
        public Snapshot load(WorkspaceId workspace) {
            loads.incrementAndGet();
            return store.load(workspace);
        }

        @Override
        public void saveAll(WorkspaceId workspace, List<ObjectType> types) {
            saves.incrementAndGet();
            store.saveAll(workspace, types);
        }

        @Override
        public Map<WorkspaceId, List<ObjectType>> typesWithRetention() {
            return store.typesWithRetention();
        }
    }
}
