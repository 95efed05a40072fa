package io.archivist.adapters.rest.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

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
        driver.findElement(By.xpath("//div[@id='bulk-bar']/button[text()='" + button + "']"))
                .click();
        return dialogText();
    }

    void openRecord(String key) {
        driver.findElement(By.cssSelector("#records tbody tr[data-key='" + key + "'] a"))
                .click();
        until(d -> visible("record-view") && d.findElement(By.id("record-view")).getAttribute("data-id") != null);
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
        driver.findElement(
                        By.xpath("//section[@id='record-view']//div[@class='actions']/button[text()='" + button + "']"))
                .click();
        return dialogText();
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
        return banner();
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
