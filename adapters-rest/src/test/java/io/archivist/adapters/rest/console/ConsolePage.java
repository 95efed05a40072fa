package io.archivist.adapters.rest.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The console as a person uses it: what they click and what they read. Every step waits for
 * what the person would wait for (a list loaded, a dialog open, a message shown), never a fixed time.
 */
final class ConsolePage {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final String baseUrl;

    ConsolePage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Opens the console at the service's root, signed out. */
    ConsolePage open() {
        wide(); // a test that narrowed the window and failed leaves no trace
        driver.get(baseUrl + "/");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
        driver.get(baseUrl + "/");
        until(d -> d.findElement(By.id("sign-in")).isDisplayed());
        return this;
    }

    /** Pastes the token and signs in; waits for the list, or for the message that refuses the token. */
    void signIn(String token) {
        WebElement field = driver.findElement(By.id("token"));
        field.clear();
        // Pasted, not typed: a JWT is long, and a person pastes it.
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", field, token);
        driver.findElement(By.id("sign-in-button")).click();
        until(d -> listLoaded() || visible("error"));
    }

    String signedInAs() {
        return driver.findElement(By.id("who")).getText();
    }

    boolean signInShown() {
        return visible("sign-in");
    }

    // ------------------------------------------------------------ the list

    /** Picks the object type and the toggle (Active, Archived or Any), then waits for the list. */
    ConsolePage list(String type, String toggle) {
        if (!visible("list-view")) {
            // From a record page, back to the list as a person goes: its "← list" link.
            driver.findElement(By.cssSelector("#record-view a.back")).click();
            until(d -> listLoaded());
        }
        if (!type.equals(selectedType())) {
            // Typed into the focused drop-down, as a keyboard user picks an option.
            driver.findElement(By.id("type-select")).sendKeys(type);
            until(d -> listLoaded() && type.equals(selectedType()));
        }
        WebElement button = driver.findElement(By.xpath("//div[@class='toggle']/button[text()='" + toggle + "']"));
        button.click();
        until(d -> listLoaded() && type.equals(selectedType()) && "true".equals(button.getAttribute("aria-pressed")));
        return this;
    }

    /** The keys of the rows shown, in order. */
    List<String> keys() {
        return driver.findElements(By.cssSelector("#records tbody tr")).stream()
                .map(row -> row.getAttribute("data-key"))
                .toList();
    }

    /** What each row's link says: the record's title, else its key, else its id (one display rule). */
    List<String> labels() {
        return driver.findElements(By.cssSelector("#records tbody tr a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The header checkbox: "checked", "mixed" (some rows selected) or "unchecked". */
    String selectAllState() {
        return (String) js("const box = document.getElementById('select-all');"
                + " return box.indeterminate ? 'mixed' : box.checked ? 'checked' : 'unchecked'");
    }

    void clickSelectAll() {
        driver.findElement(By.id("select-all")).click();
    }

    String bulkCount() {
        return driver.findElement(By.id("bulk-count")).getText();
    }

    boolean loadMoreShown() {
        return visible("load-more");
    }

    /** Clicks "Load more" and waits for the next page to be appended. */
    void loadMore() {
        String before = driver.findElement(By.id("records")).getAttribute("data-loaded");
        driver.findElement(By.id("load-more")).click();
        until(d -> !before.equals(d.findElement(By.id("records")).getAttribute("data-loaded")));
    }

    /** The text of one row's cells. */
    String row(String key) {
        return driver.findElement(By.cssSelector("#records tbody tr[data-key='" + key + "']"))
                .getText();
    }

    void select(String... keys) {
        for (String key : keys) {
            driver.findElement(By.cssSelector("#records tbody tr[data-key='" + key + "'] input[type=checkbox]"))
                    .click();
        }
    }

    int checkboxes() {
        return driver.findElements(By.cssSelector("#records input[type=checkbox]"))
                .size();
    }

    boolean bulkBarShown() {
        return visible("bulk-bar");
    }

    /** Clicks a bulk bar button (Archive, Restore, Delete permanently) and waits for its preview dialog. */
    String bulk(String button) {
        bulkButton(button).click();
        return dialogText();
    }

    /** Double-clicks a bulk bar button, as an impatient person does, and waits for its preview dialog. */
    String doubleClickBulk(String button) {
        new Actions(driver).doubleClick(bulkButton(button)).perform();
        return dialogText();
    }

    WebElement bulkButton(String button) {
        return driver.findElement(By.xpath("//div[@id='bulk-bar']/button[text()='" + button + "']"));
    }

    void openRecord(String key) {
        openRow("#records tbody tr[data-key='" + key + "'] a");
    }

    void openRecordWithId(String id) {
        openRow("#records tbody tr[data-id='" + id + "'] a");
    }

    private void openRow(String link) {
        driver.findElement(By.cssSelector(link)).click();
        until(d -> visible("record-view") && d.findElement(By.id("record-view")).getAttribute("data-id") != null);
    }

    /** Goes to a console address (#/...) as a typed or bookmarked link does; waits for the page or its error. */
    void go(String hash) {
        js("location.hash = arguments[0]", hash);
        until(d -> {
            WebElement view = d.findElement(By.id("record-view"));
            return listLoaded()
                    || (visible("record-view")
                            && (view.getAttribute("data-id") != null || view.getAttribute("data-failed") != null));
        });
    }

    boolean recordFailed() {
        return visible("record-view")
                && driver.findElement(By.id("record-view")).getAttribute("data-failed") != null;
    }

    /** Follows the record page's link back to a list. */
    void back() {
        driver.findElement(By.cssSelector("#record-view a.back")).click();
        until(d -> listLoaded());
    }

    // ------------------------------------------------------------ the record page

    String recordText() {
        return driver.findElement(By.id("record-view")).getText();
    }

    /** The lifecycle buttons the record page offers. */
    List<String> recordButtons() {
        return driver.findElements(By.cssSelector("#record-view .actions button")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Clicks a record page button (Archive, Restore, Delete permanently) and waits for its preview dialog. */
    String recordAction(String button) {
        recordButton(button).click();
        return dialogText();
    }

    /** Double-clicks a record page button and waits for its preview dialog. */
    String doubleClickRecordAction(String button) {
        new Actions(driver).doubleClick(recordButton(button)).perform();
        return dialogText();
    }

    private WebElement recordButton(String button) {
        return driver.findElement(
                By.xpath("//section[@id='record-view']//div[@class='actions']/button[text()='" + button + "']"));
    }

    /** The version the record page shows (its data-version). */
    String recordVersion() {
        return driver.findElement(By.id("record-view")).getAttribute("data-version");
    }

    /** The note that says what the signed-in roles may not do and why; empty when none is shown. */
    String roleNote() {
        List<WebElement> notes = driver.findElements(By.cssSelector(".role-note"));
        return notes.stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .findFirst()
                .orElse("");
    }

    /** The retention shown for an archived record: its text, its exact time (datetime) and its tooltip. */
    List<String> retention(String scope) {
        WebElement time = driver.findElement(By.cssSelector(scope + " time.purge-after"));
        return List.of(time.getText(), time.getAttribute("datetime"), time.getAttribute("title"));
    }

    // ------------------------------------------------------------ the confirm dialog and the messages

    private String dialogText() {
        until(d -> d.findElement(By.id("confirm")).isDisplayed());
        return driver.findElement(By.id("confirm")).getText();
    }

    boolean confirmEnabled() {
        return driver.findElement(By.id("confirm-ok")).isEnabled();
    }

    void cancel() {
        driver.findElement(By.id("confirm-cancel")).click();
        until(d -> !d.findElement(By.id("confirm")).isDisplayed());
    }

    /** Confirms, then waits for the message that says what happened (or what went wrong) and returns it. */
    String confirm() {
        driver.findElement(By.id("confirm-ok")).click();
        until(d -> !d.findElement(By.id("confirm")).isDisplayed());
        until(d -> visible("notice") || visible("error"));
        until(d -> !visible("list-view") || listLoaded());
        until(d -> js("return document.querySelector('[aria-busy=true]') === null") == Boolean.TRUE);
        return banner();
    }

    /**
     * While an action is under way (its dialog is open), every button of the page under the dialog is
     * disabled and the page says it is busy.
     */
    boolean pageBusy() {
        return (Boolean) js("const buttons = [...document.querySelectorAll('main button')]"
                + ".filter((b) => b.offsetParent !== null);"
                + " return buttons.length > 0 && buttons.every((b) => b.matches(':disabled'))"
                + " && document.querySelector('main[aria-busy=true], main [aria-busy=true]') !== null");
    }

    /** From now on, counts the requests that change something (anything but GET) the console sends. */
    void countChanges() {
        js("window.changesSent = 0; const send = window.fetch;"
                + " window.fetch = (url, init) => {"
                + " if (init && init.method && init.method !== 'GET') window.changesSent += 1;"
                + " return send(url, init); }");
    }

    long changesSent() {
        return (Long) js("return window.changesSent");
    }

    /** The message banner shown, the error one first. */
    String banner() {
        if (visible("error")) {
            return driver.findElement(By.id("error-text")).getText();
        }
        return visible("notice") ? driver.findElement(By.id("notice-text")).getText() : "";
    }

    boolean errorShown() {
        return visible("error");
    }

    // ------------------------------------------------------------ accessibility and layout

    /** Fails, naming each one, when axe finds a serious or critical violation on what is shown now. */
    void assertAccessible(String where) {
        List<String> violations = Axe.seriousViolations(driver);
        if (!violations.isEmpty()) {
            throw new AssertionError("axe on " + where + ": " + violations.size() + " serious or critical\n"
                    + String.join("\n", violations));
        }
    }

    /** What has the keyboard focus: "#id", or "tag.class: text" ("tag: text"), or "body" when focus was lost. */
    String focused() {
        return (String)
                js(
                        "const e = document.activeElement;"
                                + " if (!e || e === document.body) return 'body';"
                                + " if (e.id) return '#' + e.id;"
                                + " return `${e.tagName.toLowerCase()}${e.className ? '.' + e.className : ''}: ${e.textContent.trim()}`");
    }

    /** Moves the focus on with the Tab key, as a keyboard user does; returns the outline drawn around it. */
    String tabAndOutline() {
        new Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        return (String) js("const s = getComputedStyle(document.activeElement);"
                + " return `${s.outlineStyle} ${s.outlineWidth}`");
    }

    /** True when the page is wider than the window: the person has to scroll sideways. */
    boolean scrollsSideways() {
        return (Boolean) js("const page = document.documentElement; return page.scrollWidth > page.clientWidth");
    }

    /** True when the element is inside the window, left to right. */
    boolean withinWidth(WebElement element) {
        return (Boolean) js(
                "const r = arguments[0].getBoundingClientRect();"
                        + " return r.left >= 0 && r.right <= document.documentElement.clientWidth",
                element);
    }

    /** Shows the page as a phone does: {@code width} CSS pixels wide. */
    void narrow(int width) {
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", false));
    }

    void wide() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Runs a script in the page (the console's own functions are globals there). */
    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves the browser's window to target/console-NAME.png, for a reviewer to look at. */
    Path screenshot(String name) {
        return save(name, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Saves the page's content only (no empty window below it) to target/console-NAME.png. */
    Path screenshotOfContent(String name) {
        return save(name, driver.findElement(By.tagName("body")).getScreenshotAs(OutputType.BYTES));
    }

    private static Path save(String name, byte[] png) {
        Path file = Path.of("target", "console-" + name + ".png");
        try {
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    // ------------------------------------------------------------ helpers

    /** Polls until the page shows what {@code condition} looks for; fails with the page's text after PATIENCE. */
    private void until(Predicate<WebDriver> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                if (condition.test(driver)) {
                    return;
                }
            } catch (NoSuchElementException | StaleElementReferenceException redrawn) {
                // The page is being redrawn: look again.
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the console did not get there in " + PATIENCE.toSeconds() + " s; it shows: "
                        + driver.findElement(By.tagName("body")).getText());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private boolean visible(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    private boolean listLoaded() {
        return visible("list-view") && driver.findElement(By.id("records")).getAttribute("data-loaded") != null;
    }

    private String selectedType() {
        return (String)
                ((JavascriptExecutor) driver).executeScript("return document.getElementById('type-select').value");
    }
}
