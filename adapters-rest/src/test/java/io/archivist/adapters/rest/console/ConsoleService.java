package io.archivist.adapters.rest.console;

import io.archivist.adapters.rest.RunningService;
import io.archivist.adapters.rest.Tokens;
import io.archivist.adapters.rest.security.TokenMinter;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browser tests' fixture: the service on the embedded default (RunningService's fresh H2 file for the class)
 * and one headless Chromium for a test class; for each test, a workspace of its own (so that none
 * sees another's records) with the types customer ← order ← note, an admin's API, and the console
 * opened signed out. Register it as a static field with {@code @RegisterExtension}; a test method
 * then takes the admin's {@link ServiceApi} and the {@link ConsolePage} as parameters.
 */
final class ConsoleService implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private static final Path WORK = Path.of("target", "console-tests");
    private static final AtomicInteger WORKSPACES = new AtomicInteger();

    private RunningService server;
    private ChromeDriver browser;
    private String workspace;
    private ServiceApi admin;
    private ConsolePage console;

    @Override
    public void beforeAll(ExtensionContext context) {
        HeadlessChromium.assumeInstalled();
        server = RunningService.freshEmbedded(context.getRequiredTestClass());
        browser = HeadlessChromium.start(WORK);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        workspace = "acme-" + WORKSPACES.incrementAndGet();
        admin = new ServiceApi(baseUrl(), server.bean(JsonMapper.class), token("alice", "ADMIN"));
        admin.defineType("customer", List.of(), List.of("email"));
        admin.defineType("order", List.of("customer"), List.of());
        admin.defineType("note", List.of("order"), List.of());
        console = new ConsolePage(browser, baseUrl()).open();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ServiceApi.class || type == ConsolePage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ServiceApi.class ? admin : console;
    }

    String workspace() {
        return workspace;
    }

    /** A token of this test's workspace, signed for the service. */
    String token(String sub, String... roles) {
        return TokenMinter.hs256(
                Tokens.SECRET.getBytes(StandardCharsets.UTF_8),
                sub,
                List.of(roles),
                workspace,
                Duration.ofHours(1),
                Instant.now());
    }

    private String baseUrl() {
        return server.url();
    }
}
