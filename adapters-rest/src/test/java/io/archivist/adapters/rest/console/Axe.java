package io.archivist.adapters.rest.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, run in the page as the person sees it at that moment (a page, or a dialog open over it).
 * The test injects it (it is not part of the console); the service's CSP does not apply to scripts
 * run by the driver.
 */
final class Axe {

    /** Deque's Selenium binding carries axe-core as this resource (see the parent pom). */
    private static final String SOURCE = read("axe.min.js");

    /**
     * The serious and critical violations, each as "rule (impact): help — target: summary". Moderate
     * and minor findings are left to a reviewer; these two levels block a keyboard or screen reader user.
     */
    static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SOURCE);
        }
        Object found = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then((result) => done(result.violations
                    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}: `
                      + String(n.failureSummary).replace(/\\s+/g, ' ')))))
                  .catch((e) => done([`axe failed: ${e}`]));
                """);
        if (!(found instanceof List<?> list)) {
            throw new IllegalStateException("axe answered " + found);
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static String read(String resource) {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath (com.deque.html.axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Axe() {}
}
