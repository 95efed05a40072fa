package io.archivist.adapters.rest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.adapters.rest.security.TokenMinter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web console (issue 8) in a real headless Chromium, against the service started on the
 * embedded default, used as a person uses it (ConsoleService). Screenshots of the list and of the
 * preview dialogs are saved as target/console-*.png for a reviewer to look at.
 */
class ConsoleBrowserIT {

    @RegisterExtension
    static final ConsoleService SERVICE = new ConsoleService();

    @Test
    void s3_signInShowsWhoWorkspaceAndRoles(ConsolePage console) {
        console.signIn(token("alice", "ADMIN", "JOURNEY_MANAGER"));

        String who = console.signedInAs();
        assertTrue(
                who.contains("alice")
                        && who.contains(SERVICE.workspace())
                        && who.contains("ADMIN")
                        && who.contains("JOURNEY_MANAGER"),
                who);
        assertTrue(console.keys().isEmpty(), "a new workspace has no customers yet");
    }

    @Test
    void s3_aRefusedTokenShowsTheProblemDetailNotAStatusCode(ServiceApi admin, ConsolePage console) {
        String forged = TokenMinter.hs256(
                "another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8),
                "mallory",
                List.of("ADMIN"),
                SERVICE.workspace(),
                Duration.ofHours(1),
                Instant.now());
        ServiceApi.Answer refused = admin.as(forged).call("GET", "/object-types", null, Map.of());
        assertEquals(401, refused.status());

        console.signIn(forged);

        assertTrue(console.errorShown());
        assertTrue(console.signInShown(), "the console asks for another token");
        String message = console.banner();
        if (refused.body().get("detail") != null) {
            assertEquals(refused.detail(), message);
        }
        assertFalse(message.contains("401") || message.contains("Exception"), message);
    }

    @Test
    void r1_archivingARecordMovesItAndItsDependentsFromTheActiveToTheArchivedList(
            ServiceApi admin, ConsolePage console) {
        String acme = admin.create("customer", "acme", Map.of("name", "Acme", "email", "ops@acme.test"));
        String firstOrder = admin.create("order", "acme-1", Map.of("total", 120, "status", "open"), acme);
        admin.create("order", "acme-2", Map.of("total", 80, "status", "paid"), acme);
        admin.create("note", "acme-1-call", Map.of("text", "called back"), firstOrder);
        String globex = admin.create("customer", "globex", Map.of("name", "Globex", "email", "it@globex.test"));
        admin.create("order", "globex-1", Map.of("total", 45, "status", "open"), globex);
        console.signIn(token("alice", "ADMIN"));
        assertEquals(
                List.of("acme-1", "acme-2", "globex-1"),
                sorted(console.list("order", "Active").keys()));

        console.list("customer", "Active").openRecord("acme");
        String preview = console.recordAction("Archive");
        console.screenshot("preview-archive");
        assertTrue(preview.contains("4 records in all"), preview);
        assertTrue(
                preview.contains("customer 1") && preview.contains("order 2") && preview.contains("note 1"), preview);
        assertTrue(console.confirm().startsWith("Archived 4 records"));

        assertEquals(List.of("globex-1"), console.list("order", "Active").keys());
        assertEquals(
                List.of("acme-1", "acme-2"),
                sorted(console.list("order", "Archived").keys()));
        assertTrue(console.row("acme-1").contains("alice"), "who archived it: " + console.row("acme-1"));
        assertEquals(List.of("acme-1-call"), console.list("note", "Archived").keys());
        assertEquals(
                List.of("acme-1", "acme-2", "globex-1"),
                sorted(console.list("order", "Any").keys()));
        console.screenshotOfContent("list");
    }

    @Test
    void r5_restoreBringsBackExactlyTheRecordsArchivedTogether_andShowsWhatBlocks(
            ServiceApi admin, ConsolePage console) {
        String initech = admin.create("customer", "initech", Map.of("name", "Initech", "email", "bill@initech.test"));
        admin.create("order", "initech-1", Map.of("total", 10), initech);
        String second = admin.create("order", "initech-2", Map.of("total", 20), initech);
        admin.delete(second); // archived on its own, before its customer
        admin.delete(initech); // archives the customer and initech-1 together
        console.signIn(token("alice", "JOURNEY_MANAGER"));

        console.list("order", "Archived").openRecord("initech-2");
        String blocked = console.recordAction("Restore");
        console.screenshot("preview-blocked");
        assertTrue(blocked.contains("PARENT_ARCHIVED") && blocked.contains(initech), blocked);
        assertFalse(console.confirmEnabled(), "a blocked restore cannot be confirmed");
        console.cancel();

        console.list("customer", "Archived").openRecord("initech");
        String preview = console.recordAction("Restore");
        assertTrue(preview.contains("2 records in all") && preview.contains("order 1"), preview);
        assertTrue(console.confirm().startsWith("Restored 2 records"));

        assertEquals(List.of("initech-1"), console.list("order", "Active").keys());
        assertEquals(List.of("initech-2"), console.list("order", "Archived").keys());
    }

    @Test
    void r3_deleteTwiceToDestroy(ServiceApi admin, ConsolePage console) {
        String umbrella = admin.create("customer", "umbrella", Map.of("name", "Umbrella", "email", "hq@umbrella.test"));
        admin.create("order", "umbrella-1", Map.of("total", 99), umbrella);
        console.signIn(token("alice", "ADMIN"));

        console.list("customer", "Active").openRecord("umbrella");
        console.recordAction("Archive");
        assertTrue(console.confirm().startsWith("Archived 2 records"));
        assertEquals(List.of("Restore", "Delete permanently"), console.recordButtons());

        String preview = console.recordAction("Delete permanently");
        console.screenshot("preview-purge");
        assertTrue(preview.contains("2 records in all") && preview.contains("cannot be undone"), preview);
        assertTrue(console.confirm().startsWith("Permanently deleted 2 records"));

        assertTrue(console.list("customer", "Any").keys().isEmpty());
        assertTrue(console.list("order", "Any").keys().isEmpty());
        assertEquals(404, admin.get(umbrella).status());
    }

    @Test
    void r12_bulkArchiveOfThreeRows(ServiceApi admin, ConsolePage console) {
        admin.createCustomers(List.of("hooli", "piedpiper", "raviga", "bachmanity"));
        console.signIn(token("alice", "ADMIN"));

        console.list("customer", "Active").select("hooli", "piedpiper", "raviga");
        assertTrue(console.bulkBarShown());
        console.screenshotOfContent("list-selection");
        String preview = console.bulk("Archive");
        console.screenshot("preview-bulk");
        assertTrue(preview.contains("3 selected records"), preview);
        assertTrue(preview.contains("hooli") && preview.contains("piedpiper") && preview.contains("raviga"), preview);
        assertTrue(console.confirm().contains("archived 3"));

        assertEquals(List.of("bachmanity"), console.keys());
        assertEquals(
                List.of("hooli", "piedpiper", "raviga"),
                sorted(console.list("customer", "Archived").keys()));
    }

    @Test
    void s4_theListPagesWithLoadMoreOnTheKeysetCursor(ServiceApi admin, ConsolePage console) {
        List<String> keys = ServiceApi.pageAndABitKeys();
        admin.createCustomers(keys);
        console.signIn(token("alice", "MEMBER"));

        assertEquals(25, console.list("customer", "Active").keys().size(), "a page of 25");
        assertTrue(console.loadMoreShown());
        console.loadMore();
        assertEquals(keys, sorted(console.keys()));
        assertFalse(console.loadMoreShown(), "the last page has no next cursor");
    }

    @Test
    void s3_aMemberSeesNoLifecycleButtons(ServiceApi admin, ConsolePage console) {
        String stark = admin.create("customer", "stark", Map.of("name", "Stark", "email", "tony@stark.test"));
        admin.create("customer", "wayne", Map.of("name", "Wayne", "email", "bruce@wayne.test"));
        admin.delete(stark);
        console.signIn(token("bob", "MEMBER"));

        console.list("customer", "Active");
        assertEquals(List.of("wayne"), console.keys());
        assertEquals(0, console.checkboxes(), "no row can be selected for a bulk action");
        assertFalse(console.bulkBarShown());
        console.openRecord("wayne");
        assertTrue(console.recordText().contains("bruce@wayne.test"));
        assertEquals(List.of(), console.recordButtons());

        console.list("customer", "Archived").openRecord("stark");
        assertEquals(List.of(), console.recordButtons());
    }

    private String token(String sub, String... roles) {
        return SERVICE.token(sub, roles);
    }

    private static List<String> sorted(List<String> keys) {
        return keys.stream().sorted().toList();
    }
}
