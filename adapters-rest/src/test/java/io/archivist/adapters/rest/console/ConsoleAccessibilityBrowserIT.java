package io.archivist.adapters.rest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console for keyboard, screen reader and phone users: axe-core on every page and dialog
 * (no serious or critical violation), focus that follows each action, a visible focus ring, user
 * text in its own direction, and no sideways scroll 390 px wide.
 */
class ConsoleAccessibilityBrowserIT {

    @RegisterExtension
    static final ConsoleService SERVICE = new ConsoleService();

    @Test
    void axe_findsNothingSeriousOnAnyPageOrDialog(ServiceApi admin, ConsolePage console) {
        String acme = admin.create("customer", "acme", Map.of("name", "Acme", "email", "ops@acme.test"));
        admin.create("order", "acme-1", Map.of("total", 120, "status", "open"), acme);
        admin.createWithoutKey("customer", Map.of("name", "No key", "email", "nokey@example.test"));
        String initech = admin.create("customer", "initech", Map.of("name", "Initech", "email", "bill@initech.test"));
        admin.delete(admin.create("order", "initech-1", Map.of("total", 10), initech));
        admin.delete(initech);

        console.assertAccessible("the sign-in page");
        console.signIn("not a token");
        console.assertAccessible("the sign-in page with its error");
        console.signIn(SERVICE.token("alice", "ADMIN"));
        console.list("customer", "Active").assertAccessible("the active list");
        console.select("acme");
        console.assertAccessible("the list with a selection");
        console.bulk("Archive");
        console.assertAccessible("the bulk archive dialog");
        console.cancel();
        console.openRecord("acme");
        console.assertAccessible("an active record's page");
        console.recordAction("Archive");
        console.assertAccessible("the archive dialog");
        console.confirm();
        console.assertAccessible("a record page after its archive");
        console.recordAction("Delete permanently");
        console.assertAccessible("the permanent delete dialog");
        console.cancel();
        console.list("order", "Archived").select("initech-1");
        console.bulk("Restore");
        console.assertAccessible("a bulk dialog where every row is blocked");
        console.cancel();
        console.list("customer", "Any").assertAccessible("the list of any state");
        console.go("#/records/" + UUID.randomUUID());
        console.assertAccessible("a record that cannot be shown");

        console.open().signIn(SERVICE.token("bob", "MEMBER"));
        console.list("customer", "Archived").assertAccessible("a member's list");
        console.openRecord("initech");
        console.assertAccessible("a member's record page");
    }

    @Test
    void focus_followsEachActionAndIsNeverLostToTheBody(ServiceApi admin, ConsolePage console) {
        admin.createCustomers(ServiceApi.pageAndABitKeys());
        console.signIn(SERVICE.token("alice", "ADMIN"));
        console.list("customer", "Active");
        assertNotEquals("body", console.focused(), "after signing in");

        console.loadMore();
        assertEquals("a: c26", console.focused(), "the first record of the new page");

        console.openRecord("c01");
        assertEquals("#record-title", console.focused(), "the record page's heading");
        console.recordAction("Archive");
        console.cancel();
        assertEquals("#record-archive", console.focused(), "back to the button after a cancel");
        console.recordAction("Archive");
        console.confirm();
        assertEquals("#notice", console.focused(), "the message that says what happened");

        console.list("customer", "Active").select("c02", "c03");
        console.bulk("Archive");
        console.confirm();
        assertEquals("#notice", console.focused());
    }

    @Test
    void focus_isDrawnAroundWhatTheKeyboardReaches(ServiceApi admin, ConsolePage console) {
        admin.create("customer", "acme", Map.of("name", "Acme", "email", "ops@acme.test"));
        console.signIn(SERVICE.token("alice", "ADMIN"));
        console.list("customer", "Active");
        for (int i = 0; i < 4; i++) {
            String outline = console.tabAndOutline();
            assertTrue(outline.startsWith("solid") && !outline.endsWith(" 0px"), console.focused() + ": " + outline);
        }
    }

    @Test
    void userTextIsShownInItsOwnDirection(ServiceApi admin, ConsolePage console) {
        admin.create("customer", "shalom", Map.of("name", "שלום עליכם", "email", "shalom@example.test"));
        console.signIn(SERVICE.token("alice", "ADMIN"));
        console.list("customer", "Active");

        // The innermost element that holds each text (the key's link, the value's cell or span) says dir=auto.
        assertEquals(
                List.of("auto", "auto"),
                console.js("const holder = (text) => [...document.querySelectorAll('#records tbody *')]"
                        + ".filter((e) => e.textContent === text).pop();"
                        + " return [holder('shalom').getAttribute('dir'), holder('שלום עליכם').getAttribute('dir')]"));
        console.openRecord("shalom");
        assertEquals(
                "auto",
                console.js("return [...document.querySelectorAll('#attributes *')]"
                        + ".filter((e) => e.textContent === 'שלום עליכם').pop().getAttribute('dir')"));
        assertEquals(
                "auto", console.js("return document.querySelector('#record-title [dir=auto]').getAttribute('dir')"));
    }

    @Test
    void at390PxWideNothingScrollsSideways_andDeletePermanentlyIsReachable(ServiceApi admin, ConsolePage console) {
        for (String key : List.of("hooli", "piedpiper", "raviga")) {
            String id = admin.create(
                    "customer",
                    key,
                    Map.of("name", key + " holdings", "email", key + "@a-rather-long-domain.example.test"));
            admin.create("order", key + "-1", Map.of("total", 10, "status", "open"), id);
        }
        console.signIn(SERVICE.token("alice", "ADMIN"));
        console.narrow(390);

        console.list("customer", "Active").select("hooli", "piedpiper");
        assertFalse(console.scrollsSideways(), "the active list with its bulk bar");
        console.assertAccessible("the list at 390 px");
        console.bulk("Archive");
        console.confirm();
        console.list("customer", "Archived").select("hooli", "piedpiper");
        assertFalse(console.scrollsSideways(), "the archived list with its bulk bar");
        assertTrue(console.withinWidth(console.bulkButton("Delete permanently")), "Delete permanently is not cut off");
        console.screenshot("narrow-list");
        String preview = console.bulk("Delete permanently");
        assertTrue(preview.contains("2 selected records"), preview);
        assertFalse(console.scrollsSideways(), "the dialog");
        console.cancel();
        console.openRecord("hooli");
        assertFalse(console.scrollsSideways(), "a record page");
        console.screenshot("narrow-record");
        console.assertAccessible("a record page at 390 px");
    }
}
