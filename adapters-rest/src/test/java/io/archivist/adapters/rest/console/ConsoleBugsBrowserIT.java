package io.archivist.adapters.rest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The eight bugs of issue 15, each as the person met it, and what the console says about roles and
 * retention. Each test failed on the console as it was before the fix.
 */
class ConsoleBugsBrowserIT {

    @RegisterExtension
    static final ConsoleService SERVICE = new ConsoleService();

    @Test
    void bug1_aDoubleClickedBulkRestoreRunsOnce(ServiceApi admin, ConsolePage console) {
        admin.createCustomers(List.of("hooli", "piedpiper", "raviga")).forEach(admin::delete);
        console.signIn(SERVICE.token("alice", "ADMIN"));
        console.list("customer", "Archived").select("hooli", "piedpiper", "raviga");
        console.countChanges();

        String preview = console.doubleClickBulk("Restore");
        boolean busy = console.pageBusy();
        String message = console.confirm();

        assertEquals(1, console.changesSent(), "one bulk restore was sent, not two");
        assertEquals("Done: restored 3.", message);
        assertTrue(preview.contains("3 selected records"), preview);
        assertTrue(busy, "while the action is under way its buttons are disabled and aria-busy");
        assertFalse(console.errorShown());
        assertEquals(List.of(), console.list("customer", "Archived").keys());
    }

    @Test
    void bug1_aDoubleClickedPermanentDeleteRunsOnce(ServiceApi admin, ConsolePage console) {
        String umbrella = admin.create("customer", "umbrella", Map.of("name", "Umbrella", "email", "hq@umbrella.test"));
        admin.create("order", "umbrella-1", Map.of("total", 99), umbrella);
        admin.delete(umbrella);
        console.signIn(SERVICE.token("alice", "ADMIN"));
        console.list("customer", "Archived").openRecord("umbrella");
        console.countChanges();

        console.doubleClickRecordAction("Delete permanently");
        boolean busy = console.pageBusy();
        String message = console.confirm();

        assertEquals(1, console.changesSent(), "one DELETE was sent, not two");
        assertFalse(console.errorShown(), "no red 'does not exist' from a second delete: " + message);
        assertEquals("Permanently deleted 2 records.", message);
        assertTrue(busy, "while the action is under way its buttons are disabled and aria-busy");
    }

    @Test
    void bug2_aMembersRecordPageShowsNoNull_andSaysWhatAMemberMayDo(ServiceApi admin, ConsolePage console) {
        admin.create("customer", "wayne", Map.of("name", "Wayne", "email", "bruce@wayne.test"));
        console.signIn(SERVICE.token("bob", "MEMBER"));

        String listNote = console.list("customer", "Active").roleNote();
        console.openRecord("wayne");

        console.screenshot("member-record");
        String page = console.recordText();
        assertFalse(Pattern.compile("\\bnull\\b").matcher(page).find(), page);
        String note = console.roleNote();
        assertEquals(listNote, note, "the same note on the list and on the record page");
        assertTrue(
                note.contains("MEMBER")
                        && note.contains("read, create and update")
                        && note.contains("archive, restore")
                        && note.contains("ADMIN"),
                note);
    }

    @Test
    void s3_anAdminSeesNoRoleNote(ServiceApi admin, ConsolePage console) {
        admin.create("customer", "wayne", Map.of("name", "Wayne", "email", "bruce@wayne.test"));
        console.signIn(SERVICE.token("alice", "JOURNEY_MANAGER"));

        assertEquals("", console.list("customer", "Active").roleNote());
        console.openRecord("wayne");
        assertEquals("", console.roleNote());
    }

    @Test
    void bug3_recordsWithoutAKeyShowTheirWholeIdNotItsTimestampHalf(ServiceApi admin, ConsolePage console) {
        List<String> ids = IntStream.rangeClosed(1, 3)
                .mapToObj(i -> admin.createWithoutKey(
                        "customer", Map.of("name", "Anon " + i, "email", "anon" + i + "@example.test")))
                .sorted()
                .toList();
        console.signIn(SERVICE.token("alice", "ADMIN"));

        assertEquals(
                ids,
                console.list("customer", "Active").labels().stream().sorted().toList());
        console.openRecordWithId(ids.get(1));
        assertTrue(console.recordText().contains("customer " + ids.get(1)), console.recordText());

        // The one display rule, for what the API gives: its title, else the key, else the whole id.
        assertEquals(
                List.of("Quarterly report", "doc-0150", ids.get(0)),
                console.js(
                        "return [labelOf({ id: arguments[0], key: 'doc-0150', title: 'Quarterly report' }),"
                                + " labelOf({ id: arguments[0], key: 'doc-0150', title: null }), labelOf({ id: arguments[0] })]",
                        ids.get(0)));
    }

    @Test
    void bug4_aRecordThatCannotBeLoadedSaysWhyAndLeadsBack(ConsolePage console) {
        console.signIn(SERVICE.token("alice", "ADMIN"));

        console.go("#/records/" + UUID.randomUUID());
        assertTrue(console.recordFailed());
        console.screenshot("record-unavailable");
        String page = console.recordText();
        assertFalse(page.contains("Loading"), page);
        assertTrue(page.contains("cannot be shown") && page.contains("does not exist"), page);

        console.go("#/records/doc-0150");
        assertTrue(console.recordFailed());
        assertTrue(console.recordText().contains("is not a record id"), console.recordText());
        console.back();
        assertTrue(console.keys().isEmpty());
    }

    @Test
    void bug5_aBulkDialogWhereEveryRowIsBlockedCannotBeConfirmed_andSaysWhy(ServiceApi admin, ConsolePage console) {
        String initech = admin.create("customer", "initech", Map.of("name", "Initech", "email", "bill@initech.test"));
        admin.delete(admin.create("order", "initech-1", Map.of("total", 10), initech));
        admin.delete(admin.create("order", "initech-2", Map.of("total", 20), initech));
        admin.delete(initech); // both orders now sit under an archived customer
        console.signIn(SERVICE.token("alice", "ADMIN"));

        console.list("order", "Archived").select("initech-1", "initech-2");
        String dialog = console.bulk("Restore");

        assertTrue(dialog.contains("PARENT_ARCHIVED"), dialog);
        assertFalse(console.confirmEnabled(), "nothing could be restored");
        assertTrue(dialog.contains("Every selected record is blocked"), dialog);
        console.cancel();
    }

    @Test
    void bug6_oneLongValueDoesNotWidenThePage(ServiceApi admin, ConsolePage console) {
        admin.create("customer", "longwinded", Map.of("name", "x".repeat(2000), "email", "long@example.test"));
        console.signIn(SERVICE.token("alice", "ADMIN"));

        console.list("customer", "Active");
        assertFalse(console.scrollsSideways(), "the list fits the window");
        console.openRecord("longwinded");
        assertFalse(console.scrollsSideways(), "the record page fits the window");
    }

    @Test
    void bug7_afterLoadMoreTheHeaderCheckboxSaysSomeAreSelected(ServiceApi admin, ConsolePage console) {
        admin.createCustomers(ServiceApi.pageAndABitKeys());
        console.signIn(SERVICE.token("alice", "ADMIN"));
        console.list("customer", "Active").clickSelectAll();
        assertEquals("checked", console.selectAllState());

        console.loadMore();
        assertEquals("mixed", console.selectAllState());
        assertEquals("25 records selected", console.bulkCount());

        console.clickSelectAll();
        assertEquals("checked", console.selectAllState());
        assertEquals("27 records selected", console.bulkCount());
        console.select("c27");
        assertEquals("mixed", console.selectAllState());
    }

    @Test
    void bug8_aStaleRecordPageSaysSoClearly_reloadsTheRecord_andChangesNothing(ServiceApi admin, ConsolePage console) {
        String soylent = admin.create("customer", "soylent", Map.of("name", "Soylent", "email", "green@soylent.test"));
        console.signIn(SERVICE.token("alice", "ADMIN"));
        console.list("customer", "Active").openRecord("soylent");
        assertEquals("1", console.recordVersion());

        // Someone else changes the record while the page is open.
        admin.call("PATCH", "/records/" + soylent, Map.of("attributes", Map.of("name", "Soylent Corp")), Map.of());
        console.recordAction("Archive");
        String message = console.confirm();

        assertTrue(console.errorShown());
        assertEquals(
                "Someone changed this record since you opened it, so nothing was done. It has been reloaded:"
                        + " check it, then try again.",
                message);
        assertEquals("2", console.recordVersion(), "the page shows the record as it is now");
        assertTrue(console.recordText().contains("Soylent Corp"), console.recordText());
        assertEquals(null, admin.get(soylent).body().get("deleted_at"), "nothing changed");
    }

    @Test
    void r11_retentionShowsAsDeletedForeverInNDays_withTheExactTimeInItsTooltip(ServiceApi admin, ConsolePage console) {
        admin.defineType(
                "ticket", Map.of("archivable", true, "parents", List.of(), "unique", List.of(), "retention", "P30D"));
        String ticket = admin.create("ticket", "t-1", Map.of("subject", "printer"));
        admin.delete(ticket);
        String purgeAfter = (String) admin.get(ticket).body().get("purge_after");
        console.signIn(SERVICE.token("alice", "ADMIN"));

        List<String> inList = console.list("ticket", "Archived").retention("#records");
        assertEquals("deleted forever in 30 days", inList.get(0));
        assertEquals(Instant.parse(purgeAfter), Instant.parse(inList.get(1)));
        console.openRecord("t-1");
        List<String> onPage = console.retention("#record-view");
        console.screenshot("record-retention");
        assertEquals(inList, onPage);
        assertFalse(onPage.get(2).isBlank(), "the exact time is in the tooltip");
        assertFalse(console.recordText().contains(purgeAfter), "no raw ISO time on the page");
    }
}
