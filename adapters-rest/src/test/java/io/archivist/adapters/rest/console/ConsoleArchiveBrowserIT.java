package io.archivist.adapters.rest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console as an archive people work in (issue 15): the search box and its filters, the Archive page
 * (one line per archive operation, newest first, with Restore and Delete forever), Undo after an archive,
 * previews that name what they touch and warn of other archives a purge destroys, and typing to confirm a
 * large permanent delete. axe runs on each new page and dialog; screenshots go to target/console-*.png.
 */
class ConsoleArchiveBrowserIT {

    @RegisterExtension
    static final ConsoleService SERVICE = new ConsoleService();

    @Test
    void search_findsByTextAndKey_filtersWhoArchivedAndWhen_sortsByDeletion_andPagesOn(
            ServiceApi admin, ConsolePage console) throws InterruptedException {
        List<String> ids = admin.createCustomers(ServiceApi.pageAndABitKeys()); // c01 .. c27
        console.signIn(SERVICE.token("alice", "ADMIN"));

        console.list("customer", "Active").search("c1");
        assertEquals(
                IntStream.rangeClosed(10, 19).mapToObj(i -> "c" + i).toList(),
                console.keys(),
                "q finds the keys and names containing c1, in creation order");
        assertTrue(console.listTitle().contains("matching “c1”"), console.listTitle());
        console.assertAccessible("the list with a search");
        console.screenshotOfContent("search");

        console.search("c");
        assertEquals(25, console.keys().size(), "one page");
        console.loadMore();
        assertEquals(27, new HashSet<>(console.keys()).size(), "Load more goes on with the search, repeating nothing");

        // A key typed where it is not (orders) says where it is; #/records/<key> opens it.
        console.list("order", "Active").search("c05");
        assertTrue(console.keys().isEmpty());
        assertTrue(console.keyHit().contains("customer c05"), console.keyHit());
        console.openKeyHit();
        assertTrue(console.recordText().contains("c05"), console.recordText());
        console.go("#/records/c07");
        assertTrue(console.recordText().contains(ids.get(6)), "the record with key c07: " + console.recordText());

        // Archived at three distinct times, by two people: c03, then c01 (bob), then c02.
        admin.delete(ids.get(2));
        Thread.sleep(20);
        admin.as(SERVICE.token("bob", "ADMIN")).delete(ids.get(0));
        Thread.sleep(20);
        admin.delete(ids.get(1));

        console.list("customer", "Active");
        assertFalse(console.archivedFiltersShown(), "who and when speak of archived records only");
        console.list("customer", "Archived");
        assertTrue(console.archivedFiltersShown());
        assertEquals(List.of("c01", "c02", "c03"), console.search("", "", null).keys(), "creation order");
        assertEquals(List.of("c01"), console.search("", "bob", null).keys(), "archived by bob");
        assertEquals(
                List.of("c02", "c01", "c03"),
                console.search("", "", "Newest archived first").keys(),
                "newest archived first");
        console.assertAccessible("the archived list with its filters");

        console.js(
                "document.getElementById('find-before').value = arguments[0]",
                LocalDate.now().minusDays(1).toString());
        assertTrue(console.search("", "", null).keys().isEmpty(), "nothing was archived before today");
        console.js("document.getElementById('find-before').value = ''");
        console.js(
                "document.getElementById('find-after').value = arguments[0]",
                LocalDate.now().toString());
        assertEquals(3, console.search("", "", null).keys().size(), "all three were archived from today on");
    }

    @Test
    void archivePage_listsWhatWasArchivedTogether_newestFirst_withRetention_andRestoresIt(
            ServiceApi admin, ConsolePage console) {
        titledCustomersAndRetainedNotes(admin);
        String acme = admin.create("customer", "acme", Map.of("name", "Acme Corp", "email", "ops@acme.test"));
        String first = admin.create("order", "acme-1", Map.of("total", 120), acme);
        admin.create("order", "acme-2", Map.of("total", 80), acme);
        admin.create("note", "acme-1-call", Map.of("text", "called back"), first);
        String globex = admin.create("customer", "globex", Map.of("name", "Globex Inc", "email", "it@globex.test"));
        admin.create("order", "globex-1", Map.of("total", 45), globex);
        admin.delete(globex);
        admin.as(SERVICE.token("bob", "ADMIN")).delete(acme);
        console.signIn(SERVICE.token("alice", "ADMIN"));

        List<String> lines = console.archivePage().operations();
        assertEquals(2, lines.size(), lines.toString());
        String newest = lines.get(0);
        assertTrue(newest.contains("customer Acme Corp") && newest.contains("4 records archived"), newest);
        assertTrue(newest.contains("by bob") && newest.contains("deleted forever in 30 days"), newest);
        String older = lines.get(1);
        assertTrue(older.contains("customer Globex Inc") && older.contains("2 records archived"), older);
        assertTrue(older.contains("by alice") && !older.contains("deleted forever"), "no retention: " + older);
        console.assertAccessible("the Archive page");
        console.screenshotOfContent("archive");

        String dialog = console.operationAction(0, "Restore");
        assertTrue(dialog.contains("Will restore 4 records"), dialog);
        assertTrue(dialog.contains("Acme Corp") && dialog.contains("acme-1") && dialog.contains("acme-2"), dialog);
        console.assertAccessible("the restore dialog of an archive operation");
        assertEquals("Restored 4 records.", console.confirm());

        assertEquals(1, console.operations().size(), "acme's archive holds nothing now");
        assertNull(admin.get(acme).body().get("deleted_at"));
        assertNull(admin.get(first).body().get("deleted_at"));
    }

    @Test
    void deleteForever_previewNamesWhatItDestroys_andWarnsOfAnotherArchive(ServiceApi admin, ConsolePage console) {
        titledCustomersAndRetainedNotes(admin);
        String acme = admin.create("customer", "acme", Map.of("name", "Acme Corp", "email", "ops@acme.test"));
        String first = admin.create("order", "acme-1", Map.of("total", 120), acme);
        admin.create("order", "acme-2", Map.of("total", 80), acme);
        String call = admin.create("note", "acme-1-call", Map.of("text", "called back"), first);
        admin.as(SERVICE.token("bob", "ADMIN")).delete(call); // bob's archive: the note alone
        admin.delete(acme); // alice's: the customer and its two orders
        console.signIn(SERVICE.token("alice", "ADMIN"));

        String dialog = console.archivePage().operationAction(0, "Delete forever");
        console.screenshot("preview-also-destroys");
        assertTrue(dialog.contains("order: acme-1, acme-2"), "named, not only counted: " + dialog);
        assertTrue(dialog.contains("customer: Acme Corp"), dialog);
        assertTrue(dialog.contains("This also destroys 1 record that another archive holds"), dialog);
        assertTrue(dialog.contains("1 record of the archive by bob"), dialog);
        console.assertAccessible("the Delete forever dialog with its warning");
        assertTrue(console.confirm().startsWith("Permanently deleted 4 records"));

        assertTrue(console.archiveEmptyShown(), "both archives are gone: " + console.operations());
        assertEquals(404, admin.get(acme).status());
        assertEquals(404, admin.get(call).status());
    }

    /**
     * A line names at most 20 roots (SPEC §4), but Delete forever destroys all that its archive holds: here a
     * bulk archive of 27 customers, one of which (past the 20th) was restored on its own since and is no longer
     * that archive's to destroy.
     */
    @Test
    void deleteForever_destroysEveryRootTheArchiveHolds_pastTheTwentyALineNames(ServiceApi admin, ConsolePage console) {
        List<String> ids = admin.createCustomers(ServiceApi.pageAndABitKeys()); // c01 .. c27
        assertEquals(
                200,
                admin.call("POST", "/records/bulk/archive", Map.of("ids", ids), Map.of())
                        .status());
        String restored = ids.get(26);
        assertEquals(
                200,
                admin.call("POST", "/records/" + restored + "/restore", Map.of(), Map.of())
                        .status());
        console.signIn(SERVICE.token("alice", "ADMIN"));

        List<String> lines = console.archivePage().operations();
        assertEquals(1, lines.size(), "one bulk archive: " + lines);
        assertTrue(lines.get(0).contains("26 records archived"), lines.get(0));
        String dialog = console.operationAction(0, "Delete forever");
        assertTrue(dialog.contains("Will permanently delete 26 records"), dialog);
        assertTrue(dialog.contains("And 6 more records archived together with these, with what they hold."), dialog);
        assertTrue(console.typingAsked(), dialog);
        console.typeToConfirm("26");
        assertEquals("Permanently deleted 26 records.", console.confirm());

        assertTrue(console.archiveEmptyShown(), "the archive is gone: " + console.operations());
        ids.subList(0, 26).forEach(id -> assertEquals(404, admin.get(id).status(), id));
        assertNull(admin.get(restored).body().get("deleted_at"), "restored on its own since: left alone");
    }

    @Test
    void undo_afterAnArchive_restoresWhatItArchived(ServiceApi admin, ConsolePage console) {
        String acme = admin.create("customer", "acme", Map.of("name", "Acme", "email", "ops@acme.test"));
        String order = admin.create("order", "acme-1", Map.of("total", 120), acme);
        admin.create("order", "acme-2", Map.of("total", 80), acme);
        admin.createCustomers(List.of("c01", "c02", "c03"));
        console.signIn(SERVICE.token("alice", "ADMIN"));

        console.list("customer", "Active").openRecord("acme");
        console.recordAction("Archive");
        assertEquals("Archived 3 records.", console.confirm());
        assertTrue(console.undoOffered());
        console.assertAccessible("the message with Undo");
        console.screenshot("undo");
        assertEquals("Undone: restored 3 records.", console.undo());
        assertNull(admin.get(acme).body().get("deleted_at"));
        assertNull(admin.get(order).body().get("deleted_at"));
        assertFalse(console.undoOffered(), "undone once");

        console.list("customer", "Active").select("c01", "c02");
        console.bulk("Archive");
        console.confirm();
        assertTrue(console.undoOffered());
        assertEquals("Undone: restored 2 records.", console.undo());
        assertEquals(
                List.of("c01", "c02", "c03"),
                console.keys().stream().filter(k -> k.startsWith("c0")).toList());
    }

    @Test
    void aPermanentDeleteOfMoreThanTenRecords_isConfirmedByTypingItsTitleOrNumber(
            ServiceApi admin, ConsolePage console) {
        titledCustomersAndRetainedNotes(admin);
        String big = admin.create("customer", "big", Map.of("name", "Big Co", "email", "big@example.test"));
        for (int i = 1; i <= 11; i++) {
            admin.create("order", "big-" + i, Map.of("total", i), big);
        }
        String small = admin.create("customer", "small", Map.of("name", "Small Co", "email", "small@example.test"));
        admin.delete(big);
        admin.delete(small);
        console.signIn(SERVICE.token("alice", "ADMIN"));

        console.list("customer", "Archived").openRecord("small");
        console.recordAction("Delete permanently");
        assertFalse(console.typingAsked(), "one record: the dialog is enough");
        console.cancel();

        console.list("customer", "Archived").openRecord("big");
        String dialog = console.recordAction("Delete permanently");
        assertTrue(console.typingAsked(), dialog);
        assertTrue(dialog.contains("Type “Big Co” (or 12) to confirm"), dialog);
        assertFalse(console.confirmEnabled(), "nothing typed yet");
        console.typeToConfirm("Big");
        assertFalse(console.confirmEnabled(), "not the title");
        console.typeToConfirm("12");
        assertTrue(console.confirmEnabled(), "the number of records");
        console.typeToConfirm("Big Co");
        assertTrue(console.confirmEnabled(), "the title");
        console.assertAccessible("the dialog that asks to type");
        console.screenshot("typed-confirm");
        assertEquals("Permanently deleted 12 records.", console.confirm());
        assertEquals(404, admin.get(big).status());
    }

    @Test
    void archivePage_pagesOnWithLoadMore_andFitsAPhone(ServiceApi admin, ConsolePage console) {
        List<String> ids = admin.createCustomers(ServiceApi.pageAndABitKeys());
        ids.forEach(admin::delete); // 27 archive operations, one customer each
        console.signIn(SERVICE.token("alice", "ADMIN"));

        List<String> firstPage = console.archivePage().operations();
        assertEquals(25, firstPage.size());
        assertTrue(firstPage.get(0).contains("customer c27"), "newest first: " + firstPage.get(0));
        console.loadMoreOperations();
        List<String> all = console.operations();
        assertEquals(27, all.size());
        assertTrue(all.get(26).contains("customer c01"), all.get(26));

        console.narrow(390);
        assertFalse(console.scrollsSideways(), "the Archive page at 390 px");
        console.assertAccessible("the Archive page at 390 px");
        console.list("customer", "Archived");
        assertFalse(console.scrollsSideways(), "the search form at 390 px");
    }

    /** Customers named by their name attribute (title_attribute), notes deleted forever 30 days after their archive. */
    private static void titledCustomersAndRetainedNotes(ServiceApi admin) {
        admin.defineType(
                "customer",
                Map.of(
                        "archivable",
                        true,
                        "parents",
                        List.of(),
                        "unique",
                        List.of("email"),
                        "title_attribute",
                        "name"));
        admin.defineType(
                "note",
                Map.of("archivable", true, "parents", List.of("order"), "unique", List.of(), "retention", "P30D"));
    }
}
